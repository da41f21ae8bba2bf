/**
 * The release page's event chart: hourly counters folded into Sentry's two sparkline shapes
 * (24 hourly or 14 daily buckets), the last bucket holding "now". Pure, so the bucketing is
 * tested without a database.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RELEASE_STATS_PERIODS = ['24h', '14d'] as const;
export type ReleaseStatsPeriod = (typeof RELEASE_STATS_PERIODS)[number];

export interface StatsWindow {
  /** first bucket's start, ms */
  readonly from: number;
  readonly bucket: number;
  readonly buckets: number;
}

/** `[[unix seconds, count], …]`, oldest first, as Sentry's stats endpoints answer. */
export interface ReleaseEventStats {
  statsPeriod: ReleaseStatsPeriod;
  events: [number, number][];
}

export function statsWindow(period: ReleaseStatsPeriod, now: number): StatsWindow {
  const bucket = period === '24h' ? HOUR : DAY;
  const buckets = period === '24h' ? 24 : 14;
  const last = Math.floor(now / bucket) * bucket;
  return { from: last - (buckets - 1) * bucket, bucket, buckets };
}

/** Sums `[hour ms, count]` rows into the window's buckets; hours outside it are dropped. */
export function bucketEvents(window: StatsWindow, hours: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = Array.from({ length: window.buckets }, (_, i) => [(window.from + i * window.bucket) / 1000, 0]);
  for (const [hour, count] of hours) {
    const point = out[Math.floor((hour - window.from) / window.bucket)];
    if (point) point[1] += count;
  }
  return out;
}
