import type { RepoContext } from '../../store/index.js';
import { type IssueLifecycleColumns, lifecycleColumnValues } from './issue-state.js';

/**
 * Ends time-based ignores whose time has passed (the "ignore until" of an issue nobody sent
 * an event for since). One transaction per chunk: the UPDATE selects what is due as it
 * writes, so an issue someone changed meanwhile is left as they set it, and the activity is
 * written for exactly the issues that flipped.
 */
export function createIssueIgnoreExpiryRepo({ db }: RepoContext) {
  return {
    async expire(
      now: number,
      patch: Partial<IssueLifecycleColumns>,
      activity: { type: string; data: Readonly<Record<string, unknown>> },
      limit: number,
    ): Promise<number[]> {
      // Nearly every run finds nothing: a read through the partial index, so those runs take no write lock.
      const any = await db
        .selectFrom('issues')
        .select('id')
        .where('ignore_until', 'is not', null)
        .where('ignore_until', '<=', now)
        .where('status', '=', 'ignored')
        .limit(1)
        .executeTakeFirst();
      if (any === undefined) return [];
      return db.transaction().execute(async (trx) => {
        // One statement that writes first: on SQLite the transaction takes the write lock at
        // once instead of upgrading a read (which fails with SQLITE_BUSY beside another writer).
        const flipped = await trx
          .updateTable('issues')
          .set(lifecycleColumnValues(patch))
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('issues')
              .select('id')
              .where('ignore_until', 'is not', null)
              .where('ignore_until', '<=', now)
              .where('status', '=', 'ignored')
              .where('merged_into_id', 'is', null)
              .orderBy('ignore_until')
              .limit(limit),
          )
          // Checked again on the row as updated: PostgreSQL re-reads a row another transaction changed meanwhile.
          .where('status', '=', 'ignored')
          .where('ignore_until', '<=', now)
          .returning('id')
          .execute();
        const ids = flipped.map((r) => r.id).sort((a, b) => a - b);
        if (ids.length > 0)
          await trx
            .insertInto('issue_activity')
            .values(ids.map((id) => ({ issue_id: id, type: activity.type, data: JSON.stringify(activity.data), user_id: null, created_at: now })))
            .execute();
        return ids;
      });
    },
  };
}
