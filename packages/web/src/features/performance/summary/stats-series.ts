import type { EventsStats, StatsSeries } from '../../../api/index.js';

/** `[unix seconds, value]`; null where the bucket had no transactions (a percentile of nothing). */
export type SeriesPoint = readonly [number, number | null];

function isSeries(value: unknown): value is StatsSeries {
  return typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data);
}

/**
 * One yAxis out of an `events-stats/` answer (Sentry API docs, "Retrieve Event Counts"): a
 * single series for one yAxis, or an object keyed by yAxis for several. Malformed buckets are
 * skipped rather than failing the chart.
 */
export function seriesOf(stats: EventsStats | undefined, yAxis: string): SeriesPoint[] {
  if (!stats) return [];
  const series = isSeries(stats) ? stats : (stats as Record<string, unknown>)[yAxis];
  if (!isSeries(series)) return [];
  const out: SeriesPoint[] = [];
  for (const bucket of series.data) {
    if (!Array.isArray(bucket) || typeof bucket[0] !== 'number' || !Array.isArray(bucket[1])) continue;
    const value = bucket[1][0]?.count;
    out.push([bucket[0], typeof value === 'number' && Number.isFinite(value) ? value : null]);
  }
  return out;
}

/** Bucket sizes that keep a chart at a readable number of bars for each window. */
export const INTERVALS: Readonly<Record<string, string>> = { '24h': '1h', '7d': '6h', '14d': '12h', '30d': '1d', '90d': '1d' };
