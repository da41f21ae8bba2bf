import type { Generated } from 'kysely';
import type { RepoContext, StoreExecutor } from './repo-context.js';

export interface PostProcessPendingTable {
  id: Generated<number>;
  processed_at: number;
  summaries: string;
  attempts: Generated<number>;
}

/** A committed batch whose post-process work (alert evaluation) has not been confirmed done. */
export interface PendingBatch {
  id: number;
  processedAt: number;
  /** the JSON the pipeline wrote; post-process owns its shape */
  summaries: string;
  attempts: number;
}

/**
 * The post-process outbox: written in the batch's transaction, deleted once the hooks ran.
 * Rows that stay (their process died after the commit) are picked up by a sweep.
 */
export function createPostProcessPendingRepo({ db }: RepoContext) {
  return {
    async add(trx: StoreExecutor, processedAt: number, summaries: string): Promise<number> {
      const row = await trx.insertInto('post_process_pending').values({ processed_at: processedAt, summaries }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async remove(id: number): Promise<void> {
      await db.deleteFrom('post_process_pending').where('id', '=', id).execute();
    },
    /** The oldest batches committed at or before `cutoff`: what no live process is still working on. */
    async olderThan(cutoff: number, limit: number): Promise<PendingBatch[]> {
      const rows = await db.selectFrom('post_process_pending').selectAll().where('processed_at', '<=', cutoff).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, processedAt: Number(r.processed_at), summaries: r.summaries, attempts: r.attempts }));
    },
    async recordAttempt(id: number): Promise<void> {
      await db
        .updateTable('post_process_pending')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('post_process_pending')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type PostProcessPendingRepo = ReturnType<typeof createPostProcessPendingRepo>;
