import type { Kysely, Selectable } from 'kysely';
import { type KeysetCursor, type KeysetPage, keysetPage } from '../../http/index.js';
import type { Database } from '../../store/index.js';
import type { IssueSortKey } from '../search/index.js';
import type { IssueCondition } from './compile-search.js';

type IssueTable = Database['issues'];
export type IssueRow = Selectable<IssueTable>;

/** The column behind each of Sentry's sorts; every order is descending with the id as tie-break. */
export const SORT_COLUMNS = { date: 'last_seen', new: 'first_seen', freq: 'times_seen', user: 'user_count' } as const satisfies Record<
  IssueSortKey,
  keyof IssueTable
>;

export interface IssueListQuery {
  readonly projectIds: readonly number[];
  readonly conditions: readonly IssueCondition[];
  readonly sort: IssueSortKey;
  readonly cursor: KeysetCursor | null;
  readonly limit: number;
}

function base(db: Kysely<Database>, projectIds: readonly number[], conditions: readonly IssueCondition[]) {
  // Merged-away issues are tombstones: their events and counters live on the parent.
  let q = db
    .selectFrom('issues')
    .where('issues.project_id', 'in', [...projectIds])
    .where('issues.merged_into_id', 'is', null);
  for (const c of conditions) q = q.where(c);
  return q;
}

/** One page of issues: reads `issues` only (plus the conditions' indexed subqueries), never events. */
export async function listIssues(db: Kysely<Database>, q: IssueListQuery): Promise<KeysetPage<IssueRow>> {
  if (q.projectIds.length === 0) return keysetPage([], q.limit, q.cursor, () => ({ value: 0, id: 0 }));
  const column = `issues.${SORT_COLUMNS[q.sort]}` as const;
  const dir = q.cursor?.backwards ? 'asc' : 'desc';
  let sel = base(db, q.projectIds, q.conditions).selectAll('issues');
  const c = q.cursor;
  if (c) sel = sel.where((eb) => eb(eb.refTuple(column, 'issues.id'), c.backwards ? '>' : '<', eb.tuple(c.value, c.id)));
  const rows = await sel
    .orderBy(column, dir)
    .orderBy('issues.id', dir)
    .limit(q.limit + 1)
    .execute();
  return keysetPage(rows, q.limit, q.cursor, (r) => ({ value: Number(r[SORT_COLUMNS[q.sort]]), id: r.id }));
}

/** Ids of every issue matching, newest first, up to `max` (bulk changes by query). */
export async function matchingIssueIds(
  db: Kysely<Database>,
  projectIds: readonly number[],
  conditions: readonly IssueCondition[],
  max: number,
): Promise<number[]> {
  if (projectIds.length === 0) return [];
  const rows = await base(db, projectIds, conditions).select('issues.id').orderBy('issues.last_seen', 'desc').orderBy('issues.id', 'desc').limit(max).execute();
  return rows.map((r) => r.id);
}
