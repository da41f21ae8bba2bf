import type { RepoContext } from './repo-context.js';

export interface ScheduledTaskRecord {
  name: string;
  nextRunAt: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastError: string | null;
}

/**
 * Periodic work shared by every server process: a task runs when one process wins
 * the conditional UPDATE that takes its lease (`next_run_at` due and no live lease).
 * A single-row UPDATE … WHERE is atomic on SQLite and PostgreSQL alike, so no
 * dialect-specific locking is needed; a process that dies leaves a lease that expires.
 */
export function createScheduledTaskRepo({ db }: RepoContext) {
  return {
    /** Creates the task row if missing; an existing row keeps its schedule. */
    async ensure(name: string, firstRunAt: number): Promise<void> {
      await db
        .insertInto('scheduled_tasks')
        .values({ name, next_run_at: firstRunAt, lease_owner: null, lease_until: null, last_started_at: null, last_finished_at: null, last_error: null })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    },
    async claim(name: string, owner: string, now: number, leaseUntil: number): Promise<boolean> {
      const row = await db
        .updateTable('scheduled_tasks')
        .set({ lease_owner: owner, lease_until: leaseUntil, last_started_at: now })
        .where('name', '=', name)
        .where('next_run_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .returning('name')
        .executeTakeFirst();
      return row !== undefined;
    },
    async finish(name: string, owner: string, result: { nextRunAt: number; finishedAt: number; error: string | null }): Promise<void> {
      await db
        .updateTable('scheduled_tasks')
        .set({ next_run_at: result.nextRunAt, lease_owner: null, lease_until: null, last_finished_at: result.finishedAt, last_error: result.error })
        .where('name', '=', name)
        .where('lease_owner', '=', owner)
        .execute();
    },
    async byName(name: string): Promise<ScheduledTaskRecord | undefined> {
      const r = await db.selectFrom('scheduled_tasks').selectAll().where('name', '=', name).executeTakeFirst();
      return (
        r && {
          name: r.name,
          nextRunAt: r.next_run_at,
          leaseOwner: r.lease_owner,
          leaseUntil: r.lease_until,
          lastStartedAt: r.last_started_at,
          lastFinishedAt: r.last_finished_at,
          lastError: r.last_error,
        }
      );
    },
  };
}

export type ScheduledTaskRepo = ReturnType<typeof createScheduledTaskRepo>;
