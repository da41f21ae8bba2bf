import { type Selectable, sql } from 'kysely';
import type { Dialect } from './dialects/index.js';
import type { RepoContext, StoreExecutor } from './repo-context.js';
import type { IngestQueueTable } from './schema.js';

/** An accepted envelope as ingest hands it to the queue: the body as received plus the items it kept. */
export interface NewQueuedEnvelope {
  projectId: number;
  receivedAt: number;
  eventId: string | null;
  /** identity, gzip, deflate, deflate-raw, br or zstd */
  encoding: string;
  body: Uint8Array;
  decodedBytes: number;
  /** `[index in the envelope, item type]` of every item ingest accepted */
  items: ReadonlyArray<readonly [number, string]>;
  /** the client's address (Fastify's request.ip, so trustProxy decides), for `{{auto}}` user IPs */
  clientIp?: string | null;
  /** the request's User-Agent, kept only when an accepted item reads it (log lines' browser) */
  clientUserAgent?: string | null;
}

/** Rows whose `id % count` equals `index`: one share of the queue per worker thread. */
export interface QueuePartition {
  readonly index: number;
  readonly count: number;
}

export interface QueuedEnvelope extends NewQueuedEnvelope {
  id: number;
  attempts: number;
}

// Bound parameters per statement stay far below SQLite's 32766 and PostgreSQL's 65535.
const rowsPerInsert = 500;

function toQueued(r: Selectable<IngestQueueTable>): QueuedEnvelope {
  return {
    id: r.id,
    projectId: r.project_id,
    receivedAt: r.received_at,
    eventId: r.event_id,
    encoding: r.encoding,
    body: r.body,
    decodedBytes: r.decoded_bytes,
    items: JSON.parse(r.items) as [number, string][],
    attempts: r.attempts,
    clientIp: r.client_ip,
    clientUserAgent: r.client_user_agent,
  };
}

/**
 * The durable processing queue. Writes happen inside the group commit's transaction
 * (`insert(trx, …)`); the worker's results and the removal of the rows they came from
 * commit in one transaction, so a row is either processed and gone or still queued —
 * never both (see jobs/worker.ts for how each dialect claims).
 */
export function createIngestQueueRepo({ db }: RepoContext, dialect: Dialect) {
  return {
    async insert(trx: StoreExecutor, envelopes: readonly NewQueuedEnvelope[]): Promise<void> {
      for (let i = 0; i < envelopes.length; i += rowsPerInsert) {
        const values = envelopes.slice(i, i + rowsPerInsert).map((e) => ({
          project_id: e.projectId,
          received_at: e.receivedAt,
          event_id: e.eventId,
          encoding: e.encoding,
          body: e.body,
          decoded_bytes: e.decodedBytes,
          items: JSON.stringify(e.items),
          attempts: 0,
          client_ip: e.clientIp ?? null,
          client_user_agent: e.clientUserAgent ?? null,
        }));
        await trx.insertInto('ingest_queue').values(values).execute();
      }
    },

    /**
     * Claims the oldest rows for the calling transaction: at most `limit` rows and,
     * beyond the first, no more than `maxDecodedBytes` of decoded bodies together.
     * With a partition, only rows whose id falls in it, so several workers on one
     * SQLite file never read the same rows.
     */
    async claim(trx: StoreExecutor, limit: number, maxDecodedBytes: number, partition?: QueuePartition): Promise<QueuedEnvelope[]> {
      let headsQ = trx.selectFrom('ingest_queue').select(['id', 'decoded_bytes']).orderBy('id').limit(limit);
      if (partition !== undefined && partition.count > 1) headsQ = headsQ.where(sql<number>`${sql.ref('id')} % ${partition.count}`, '=', partition.index);
      const heads = await dialect.forClaim(headsQ).execute();
      const ids: number[] = [];
      let bytes = 0;
      for (const h of heads) {
        if (ids.length > 0 && bytes + h.decoded_bytes > maxDecodedBytes) break;
        ids.push(h.id);
        bytes += h.decoded_bytes;
      }
      if (ids.length === 0) return [];
      const rows = await trx.selectFrom('ingest_queue').selectAll().where('id', 'in', ids).orderBy('id').execute();
      return rows.map(toQueued);
    },

    async byId(trx: StoreExecutor, id: number): Promise<QueuedEnvelope | undefined> {
      const row = await trx.selectFrom('ingest_queue').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toQueued(row);
    },

    /** Deletes the rows; returns how many were still there (a claim confirmed). */
    async remove(trx: StoreExecutor, ids: readonly number[]): Promise<number> {
      let removed = 0;
      for (let i = 0; i < ids.length; i += rowsPerInsert) {
        const r = await trx
          .deleteFrom('ingest_queue')
          .where('id', 'in', ids.slice(i, i + rowsPerInsert))
          .executeTakeFirst();
        removed += Number(r.numDeletedRows);
      }
      return removed;
    },

    /** Counts a failed attempt; returns the new count (0 when the row is gone). */
    async recordFailure(id: number): Promise<number> {
      const row = await db
        .updateTable('ingest_queue')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirst();
      return row?.attempts ?? 0;
    },

    async depth(): Promise<number> {
      const r = await db
        .selectFrom('ingest_queue')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async list(projectId: number): Promise<QueuedEnvelope[]> {
      const rows = await db.selectFrom('ingest_queue').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
      return rows.map(toQueued);
    },
  };
}

export type IngestQueueRepo = ReturnType<typeof createIngestQueueRepo>;
