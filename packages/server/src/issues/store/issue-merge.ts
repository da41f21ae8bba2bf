import { sql } from 'kysely';
import { inTransaction, type RepoContext, type StoreExecutor } from '../../store/index.js';

type Counter = 'issue_users' | 'issue_tags';

/** `least`/`greatest` differ between the dialects (SQLite spells them min/max); CASE does not. */
function earlier(table: Counter) {
  return sql<number>`case when excluded.first_seen < ${sql.ref(`${table}.first_seen`)} then excluded.first_seen else ${sql.ref(`${table}.first_seen`)} end`;
}
function later(table: Counter) {
  return sql<number>`case when excluded.last_seen > ${sql.ref(`${table}.last_seen`)} then excluded.last_seen else ${sql.ref(`${table}.last_seen`)} end`;
}

/**
 * Merging issues (Sentry's "Merge"): the children's events, hashes and counters move to the
 * parent in one transaction; children stay as tombstones (`merged_into_id`) so their old ids
 * redirect and lists hide them. Later events with a child's fingerprint find the parent
 * through the re-pointed hashes.
 */
export function createIssueMergeRepo({ db, clock }: RepoContext) {
  return {
    /** Given `trx`, the merge joins that transaction (a triage that also changes status commits once). */
    async merge(parentId: number, childIds: readonly number[], userId: number | null, trx?: StoreExecutor): Promise<void> {
      if (childIds.length === 0) return;
      await inTransaction(db, trx, async (trx) => {
        // First: the UPDATE locks the children (PostgreSQL), so a concurrent batch waits for us.
        await trx.updateTable('issues').set({ merged_into_id: parentId }).where('id', 'in', childIds).execute();
        await trx.updateTable('issues').set({ merged_into_id: parentId }).where('merged_into_id', 'in', childIds).execute();
        await trx.updateTable('events').set({ issue_id: parentId }).where('issue_id', 'in', childIds).execute();
        await trx.updateTable('issue_hashes').set({ issue_id: parentId }).where('issue_id', 'in', childIds).execute();
        await moveCounters(trx, parentId, childIds);
        await addUp(trx, parentId, childIds);
        await trx
          .insertInto('issue_activity')
          .values({
            issue_id: parentId,
            type: 'merge',
            data: JSON.stringify({ issues: childIds.map((id) => ({ id: String(id) })) }),
            user_id: userId,
            created_at: clock.now(),
          })
          .execute();
      });
    },
  };
}

async function moveCounters(trx: StoreExecutor, parentId: number, childIds: readonly number[]): Promise<void> {
  await trx
    .insertInto('issue_users')
    .columns(['issue_id', 'user_key', 'first_seen', 'last_seen'])
    .expression((eb) =>
      eb
        .selectFrom('issue_users')
        .select((s) => [sql.lit(parentId).as('issue_id'), 'user_key', s.fn.min('first_seen').as('first_seen'), s.fn.max('last_seen').as('last_seen')])
        .where('issue_id', 'in', childIds)
        .groupBy('user_key'),
    )
    .onConflict((oc) => oc.columns(['issue_id', 'user_key']).doUpdateSet({ first_seen: earlier('issue_users'), last_seen: later('issue_users') }))
    .execute();
  await trx
    .insertInto('issue_hourly')
    .columns(['issue_id', 'hour', 'environment', 'release', 'count'])
    .expression((eb) =>
      eb
        .selectFrom('issue_hourly')
        .select((s) => [sql.lit(parentId).as('issue_id'), 'hour', 'environment', 'release', s.fn.sum<number>('count').as('count')])
        .where('issue_id', 'in', childIds)
        .groupBy(['hour', 'environment', 'release']),
    )
    .onConflict((oc) =>
      oc.columns(['issue_id', 'hour', 'environment', 'release']).doUpdateSet((eb) => ({ count: eb('issue_hourly.count', '+', eb.ref('excluded.count')) })),
    )
    .execute();
  await trx
    .insertInto('issue_tags')
    .columns(['issue_id', 'key', 'value', 'times_seen', 'first_seen', 'last_seen'])
    .expression((eb) =>
      eb
        .selectFrom('issue_tags')
        .select((s) => [
          sql.lit(parentId).as('issue_id'),
          'key',
          'value',
          s.fn.sum<number>('times_seen').as('times_seen'),
          s.fn.min('first_seen').as('first_seen'),
          s.fn.max('last_seen').as('last_seen'),
        ])
        .where('issue_id', 'in', childIds)
        .groupBy(['key', 'value']),
    )
    .onConflict((oc) =>
      oc.columns(['issue_id', 'key', 'value']).doUpdateSet((eb) => ({
        times_seen: eb('issue_tags.times_seen', '+', eb.ref('excluded.times_seen')),
        first_seen: earlier('issue_tags'),
        last_seen: later('issue_tags'),
      })),
    )
    .execute();
  for (const table of ['issue_users', 'issue_hourly', 'issue_tags'] as const) await trx.deleteFrom(table).where('issue_id', 'in', childIds).execute();
}

/** The parent's counters and first/last facts now cover the children. */
async function addUp(trx: StoreExecutor, parentId: number, childIds: readonly number[]): Promise<void> {
  const rows = await trx
    .selectFrom('issues')
    .select(['id', 'times_seen', 'first_seen', 'last_seen', 'first_release', 'last_release', 'last_event_id'])
    .where('id', 'in', [parentId, ...childIds])
    .execute();
  const earliest = [...rows].sort((a, b) => a.first_seen - b.first_seen);
  const latest = [...rows].sort((a, b) => b.last_seen - a.last_seen);
  const users = await trx
    .selectFrom('issue_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issue_id', '=', parentId)
    .executeTakeFirst();
  await trx
    .updateTable('issues')
    .set({
      times_seen: rows.reduce((n, r) => n + Number(r.times_seen), 0),
      user_count: Number(users?.n ?? 0),
      first_seen: earliest[0]?.first_seen ?? 0,
      last_seen: latest[0]?.last_seen ?? 0,
      first_release: earliest.find((r) => r.first_release !== null)?.first_release ?? null,
      last_release: latest.find((r) => r.last_release !== null)?.last_release ?? null,
      last_event_id: latest[0]?.last_event_id ?? null,
    })
    .where('id', '=', parentId)
    .execute();
}

export type IssueMergeRepo = ReturnType<typeof createIssueMergeRepo>;
