import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Sparkline periods as Sentry names them: 24 hourly buckets, or 14 / 30 daily ones. */
export type StatsPeriod = '24h' | '14d' | '30d';

const SHAPE: Readonly<Record<StatsPeriod, { bucket: number; buckets: number }>> = {
  '24h': { bucket: HOUR, buckets: 24 },
  '14d': { bucket: DAY, buckets: 14 },
  '30d': { bucket: DAY, buckets: 30 },
};

/** `[[unix seconds, count], …]`, oldest first, the last bucket holding `now`. */
export type StatsSeries = [number, number][];

export interface CountFilter {
  /** only these environments ('' = events without one); empty or absent = all */
  readonly environments?: readonly string[];
  /** half-open ms range */
  readonly from?: number | null;
  readonly to?: number | null;
}

function hourly(db: Kysely<Database>, ids: readonly number[], filter: CountFilter) {
  let q = db.selectFrom('issue_hourly').where('issue_hourly.issue_id', 'in', [...ids]);
  if (filter.environments && filter.environments.length > 0) q = q.where('issue_hourly.environment', 'in', [...filter.environments]);
  if (filter.from !== undefined && filter.from !== null) q = q.where('issue_hourly.hour', '>=', Math.floor(filter.from / HOUR) * HOUR);
  if (filter.to !== undefined && filter.to !== null) q = q.where('issue_hourly.hour', '<', filter.to);
  return q;
}

/**
 * Sparklines for the issues of one page, from issue_hourly only: one indexed range read per
 * page (the primary key starts with issue_id), never events.
 */
export async function issueStats(
  db: Kysely<Database>,
  ids: readonly number[],
  period: StatsPeriod,
  now: number,
  filter: CountFilter = {},
): Promise<Map<number, StatsSeries>> {
  const { bucket, buckets } = SHAPE[period];
  const lastStart = Math.floor(now / bucket) * bucket;
  const firstStart = lastStart - (buckets - 1) * bucket;
  const out = new Map<number, StatsSeries>();
  for (const id of ids)
    out.set(
      id,
      Array.from({ length: buckets }, (_, i) => [(firstStart + i * bucket) / 1000, 0]),
    );
  if (ids.length === 0) return out;
  const rows = await hourly(db, ids, { ...filter, from: firstStart, to: null })
    .select((eb) => ['issue_hourly.issue_id as issueId', 'issue_hourly.hour as hour', eb.fn.sum<number>('issue_hourly.count').as('n')])
    .groupBy(['issue_hourly.issue_id', 'issue_hourly.hour'])
    .execute();
  for (const r of rows) {
    const index = Math.floor((Number(r.hour) - firstStart) / bucket);
    const point = out.get(r.issueId)?.[index];
    if (point) point[1] += Number(r.n);
  }
  return out;
}

/** Event counts per issue within environments and/or a time range (hour precision). */
export async function filteredCounts(db: Kysely<Database>, ids: readonly number[], filter: CountFilter): Promise<Map<number, number>> {
  const out = new Map<number, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return out;
  const rows = await hourly(db, ids, filter)
    .select((eb) => ['issue_hourly.issue_id as issueId', eb.fn.sum<number>('issue_hourly.count').as('n')])
    .groupBy('issue_hourly.issue_id')
    .execute();
  for (const r of rows) out.set(r.issueId, Number(r.n));
  return out;
}
