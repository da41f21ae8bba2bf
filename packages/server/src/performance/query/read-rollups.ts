import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../store/index.js';
import { type DurationCounts, emptyDurationCounts, mergeCountsOnly } from '../rollups/duration-counts.js';
import { SPAN_ROLLUP_SECONDS } from '../rollups/rollup-deltas.js';
import { type DDSketch, mergeEncodedSketch, newSketch } from '../rollups/sketch.js';

/**
 * Reads the rollups for a window and merges them per group: counts add up, sketches merge.
 * Filters are plain column conditions that SQL applies before anything is decoded; every
 * value is a bound parameter and `like` patterns are built by the caller from escaped text.
 */

export type TransactionColumn = 'project_id' | 'name' | 'op' | 'http_method' | 'status' | 'status_class' | 'environment' | 'release';
export type SpanColumn = 'project_id' | 'segment_name' | 'op' | 'span_group' | 'description';

export interface ColumnCondition<C extends string> {
  readonly column: C;
  readonly op: 'in' | 'not in' | 'like' | 'not like';
  readonly values: readonly string[];
}

export interface RollupWindow {
  readonly projectIds: readonly number[];
  /** epoch seconds, inclusive start and exclusive end */
  readonly start: number;
  readonly end: number;
}

export interface TransactionAggregate extends DurationCounts {
  readonly key: Readonly<Record<string, string | number>>;
  /** bucket start (epoch seconds) when bucketed */
  readonly bucket: number | null;
}

export interface SpanAggregate {
  readonly key: Readonly<Record<string, string | number>>;
  readonly bucket: number | null;
  count: number;
  failureCount: number;
  sumMs: number;
  sumSelfMs: number;
  maxSelfMs: number;
  selfSketch: DDSketch;
  durationSketch: DDSketch;
}

function bucketOf(minute: number, start: number, bucketSeconds: number | undefined): number | null {
  return bucketSeconds === undefined ? null : start + Math.floor((minute - start) / bucketSeconds) * bucketSeconds;
}

type RollupRow = Record<string, unknown> & { minute: number | string };

/**
 * The rows of one rollup table in the window, filtered in SQL, folded per group (and time
 * bucket) by `add` into the value `fresh` starts each group with.
 */
async function readGrouped<G extends { readonly key: Readonly<Record<string, string | number>>; readonly bucket: number | null }>(
  rows: readonly RollupRow[],
  window: RollupWindow,
  groupBy: readonly string[],
  bucketSeconds: number | undefined,
  fresh: (key: Readonly<Record<string, string | number>>, bucket: number | null) => G,
  add: (group: G, row: RollupRow) => void,
): Promise<G[]> {
  const groups = new Map<string, G>();
  for (const row of rows) {
    const bucket = bucketOf(Number(row.minute), window.start, bucketSeconds);
    let id = String(bucket);
    for (const c of groupBy) id += `\u0000${String(row[c])}`;
    let g = groups.get(id);
    if (g === undefined) {
      g = fresh(Object.fromEntries(groupBy.map((c) => [c, row[c] as string | number])), bucket);
      groups.set(id, g);
    }
    add(g, row);
  }
  return [...groups.values()];
}

export async function readTransactionAggregates(
  db: Kysely<Database>,
  window: RollupWindow,
  conditions: readonly ColumnCondition<TransactionColumn>[],
  groupBy: readonly TransactionColumn[],
  bucketSeconds?: number,
): Promise<TransactionAggregate[]> {
  if (window.projectIds.length === 0) return [];
  const rows = await transactionRows(db, window, conditions, groupBy, bucketSeconds);
  return readGrouped<TransactionAggregate>(
    rows,
    window,
    groupBy,
    bucketSeconds,
    (key, bucket) => ({ key, bucket, ...emptyDurationCounts() }),
    (g, r) => {
      mergeCountsOnly(g, {
        count: Number(r.count),
        failureCount: Number(r.failure_count),
        weight: Number(r.weight),
        sumMs: Number(r.sum_ms),
        minMs: Number(r.min_ms),
        maxMs: Number(r.max_ms),
        satisfied: Number(r.satisfied),
        tolerated: Number(r.tolerated),
      });
      mergeEncodedSketch(g.durations, r.sketch as Uint8Array);
    },
  );
}

/** What a transaction aggregate reads of each row besides its group columns. */
const TRANSACTION_MEASURES = ['minute', 'count', 'failure_count', 'weight', 'sum_ms', 'min_ms', 'max_ms', 'satisfied', 'tolerated', 'sketch'] as const;

/**
 * The columns `perf_rollups_hourly_names` keeps (migration 0018). It holds every measure the
 * finer tables do (counts, failures, apdex counts, sum of 1 / sample rate, durations and their
 * sketch), so whether a query can read it depends on its columns alone.
 */
const NAME_COLUMNS: ReadonlySet<TransactionColumn> = new Set(['project_id', 'name', 'environment']);

/**
 * The transaction rollup rows of a window. Its whole hours read the hourly rows (which hold
 * every compacted minute) plus the minutes' deltas not compacted yet; the partial hours at
 * either edge read minute rows. One statement, so a compaction committing meanwhile is seen
 * entirely or not at all. Hours are used only when every hour falls inside one time bucket.
 * When the query filters and groups by project, environment and name only, the hours come from
 * the rows per name (one per name and hour instead of one per op, method, status and release).
 */
async function transactionRows(
  db: Kysely<Database>,
  window: RollupWindow,
  conditions: readonly ColumnCondition<TransactionColumn>[],
  groupBy: readonly TransactionColumn[],
  bucketSeconds: number | undefined,
): Promise<RollupRow[]> {
  // Only the columns the groups need: at tens of thousands of rows, each column read costs.
  const columns = [...new Set([...groupBy, ...TRANSACTION_MEASURES])];
  const first = Math.floor(window.start / 60) * 60;
  const hoursFrom = Math.ceil(first / 3600) * 3600;
  const hoursTo = Math.floor(window.end / 3600) * 3600;
  const hourly = hoursFrom < hoursTo && (bucketSeconds === undefined || (bucketSeconds % 3600 === 0 && (hoursFrom - window.start) % bucketSeconds === 0));
  const filtered = <Q extends { where(c: RawBuilder<SqlBool>): Q }>(q: Q): Q => conditions.reduce((acc, c) => acc.where(conditionSql(c)), q);
  const minutes = (from: number, to: number) =>
    filtered(
      db
        .selectFrom('perf_rollups')
        .select(columns)
        .where('project_id', 'in', [...window.projectIds])
        .where('minute', '>=', from)
        .where('minute', '<', to),
    ).$castTo<RollupRow>();
  if (!hourly) return minutes(first, window.end).execute();
  const byName = groupBy.every((c) => NAME_COLUMNS.has(c)) && conditions.every((c) => NAME_COLUMNS.has(c.column));
  // Two statements by table, not a conditional table name: Kysely types each from its own columns;
  // both are read as plain rows, the shape readGrouped takes.
  const hours = byName
    ? filtered(
        db
          .selectFrom('perf_rollups_hourly_names')
          // Same columns in the same order as the other parts of the union (byName: all of them exist here).
          .select(columns as (keyof Database['perf_rollups_hourly_names'])[])
          .where('project_id', 'in', [...window.projectIds])
          .where('minute', '>=', hoursFrom)
          .where('minute', '<', hoursTo),
      ).$castTo<RollupRow>()
    : filtered(
        db
          .selectFrom('perf_rollups_hourly')
          .select(columns)
          .where('project_id', 'in', [...window.projectIds])
          .where('minute', '>=', hoursFrom)
          .where('minute', '<', hoursTo),
      ).$castTo<RollupRow>();
  const query = minutes(first, hoursFrom)
    .unionAll(minutes(hoursTo, window.end))
    // `compacted = 0` as a literal, so the partial index of uncompacted rows serves it.
    .unionAll(minutes(hoursFrom, hoursTo).where(sql<SqlBool>`compacted = 0`))
    .unionAll(hours);
  return query.execute();
}

export async function readSpanAggregates(
  db: Kysely<Database>,
  window: RollupWindow,
  conditions: readonly ColumnCondition<SpanColumn>[],
  groupBy: readonly SpanColumn[],
  bucketSeconds?: number,
): Promise<SpanAggregate[]> {
  if (window.projectIds.length === 0) return [];
  // The description is stored once per group (span_descriptions, migration 0016); columns are qualified for the join.
  let q = db
    .selectFrom('span_rollups')
    .leftJoin('span_descriptions', (j) =>
      j.onRef('span_descriptions.project_id', '=', 'span_rollups.project_id').onRef('span_descriptions.span_group', '=', 'span_rollups.span_group'),
    )
    .selectAll('span_rollups')
    .select((eb) => eb.fn.coalesce('span_descriptions.description', sql<string>`''`).as('description'))
    .where('span_rollups.project_id', 'in', [...window.projectIds])
    // Hourly buckets: the hour the window starts in counts whole.
    .where('span_rollups.minute', '>=', Math.floor(window.start / SPAN_ROLLUP_SECONDS) * SPAN_ROLLUP_SECONDS)
    .where('span_rollups.minute', '<', window.end);
  for (const c of conditions)
    q = q.where(conditionSql({ ...c, column: c.column === 'description' ? 'span_descriptions.description' : `span_rollups.${c.column}` }));
  const rows = await q.execute();
  return readGrouped<SpanAggregate>(
    rows,
    window,
    groupBy,
    bucketSeconds,
    (key, bucket) => ({ key, bucket, count: 0, failureCount: 0, sumMs: 0, sumSelfMs: 0, maxSelfMs: 0, selfSketch: newSketch(), durationSketch: newSketch() }),
    (g, r) => {
      g.count += Number(r.count);
      g.failureCount += Number(r.failure_count);
      g.sumMs += Number(r.sum_ms);
      g.sumSelfMs += Number(r.sum_self_ms);
      g.maxSelfMs = Math.max(g.maxSelfMs, Number(r.max_self_ms));
      mergeEncodedSketch(g.selfSketch, r.sketch as Uint8Array);
      mergeEncodedSketch(g.durationSketch, r.duration_sketch as Uint8Array);
    },
  );
}

/** Distinct users per group over the hours the window touches (users are kept per hour). */
export async function readDistinctUsers(
  db: Kysely<Database>,
  window: RollupWindow,
  conditions: readonly ColumnCondition<'project_id' | 'name' | 'environment' | 'release'>[],
  groupBy: readonly ('project_id' | 'name' | 'environment' | 'release')[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (window.projectIds.length === 0) return out;
  let q = db
    .selectFrom('perf_users')
    .where('project_id', 'in', [...window.projectIds])
    .where('hour', '>=', Math.floor(window.start / 3600) * 3600)
    .where('hour', '<', window.end);
  for (const c of conditions) q = q.where(conditionSql(c));
  const counted = q.select((eb) => eb.fn.count<number>('user_key').distinct().as('users'));
  // No group column: one count over everything (an empty GROUP BY is not SQL).
  const rows = groupBy.length === 0 ? await counted.execute() : await counted.select(groupBy).groupBy(groupBy).execute();
  for (const r of rows) {
    const row = r as unknown as Record<string, string | number>;
    out.set(JSON.stringify(groupBy.map((c) => row[c])), Number(row.users));
  }
  return out;
}

/** One condition as SQL: the column is one of the known unions above, every value a parameter. */
function conditionSql(c: ColumnCondition<string>): RawBuilder<SqlBool> {
  const column = sql.ref(c.column);
  if (c.values.length === 0) return c.op === 'in' || c.op === 'like' ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
  if (c.op === 'in') return sql<SqlBool>`${column} in (${sql.join([...c.values])})`;
  if (c.op === 'not in') return sql<SqlBool>`${column} not in (${sql.join([...c.values])})`;
  // LIKE with an explicit ESCAPE, both sides lowered: the same meaning on SQLite and PostgreSQL.
  const likes = c.values.map((v) => sql<SqlBool>`lower(${column}) like lower(${v}) escape '\\'`);
  return c.op === 'like' ? sql<SqlBool>`(${sql.join(likes, sql` or `)})` : sql<SqlBool>`not (${sql.join(likes, sql` or `)})`;
}

/** A LIKE pattern matching `text` literally, with `*` in the user's value as the only wildcard. */
export function likePattern(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '*') out += '%';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}
