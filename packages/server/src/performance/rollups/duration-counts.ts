import { type DDSketch, newSketch } from './sketch.js';

/**
 * What every transaction view adds up — a rollup row, a batch's delta, a query's group: counts,
 * failures, the estimate before sampling, duration sums and extremes, apdex counts and the
 * sketch of durations. One shape, so each is filled and read the same way.
 */
export interface DurationCounts {
  count: number;
  failureCount: number;
  /** sum of 1 / sample rate: the estimated number before client sampling */
  weight: number;
  sumMs: number;
  minMs: number;
  maxMs: number;
  /** apdex: duration ≤ T */
  satisfied: number;
  /** apdex: T < duration ≤ 4T */
  tolerated: number;
  durations: DDSketch;
}

export function emptyDurationCounts(): DurationCounts {
  return { count: 0, failureCount: 0, weight: 0, sumMs: 0, minMs: Number.POSITIVE_INFINITY, maxMs: 0, satisfied: 0, tolerated: 0, durations: newSketch() };
}

/** Counts one transaction of `ms` (apdex at `thresholdMs`, Sentry product docs, "Apdex"). */
export function addDuration(c: DurationCounts, ms: number, failed: boolean, weight: number, thresholdMs: number): void {
  c.count++;
  if (failed) c.failureCount++;
  c.weight += weight;
  c.sumMs += ms;
  c.minMs = Math.min(c.minMs, ms);
  c.maxMs = Math.max(c.maxMs, ms);
  if (ms <= thresholdMs) c.satisfied++;
  else if (ms <= 4 * thresholdMs) c.tolerated++;
  c.durations.accept(ms);
}

/** Adds `b`'s counts into `a`, not its sketch (the caller merges that). */
export function mergeCountsOnly(a: DurationCounts, b: Omit<DurationCounts, 'durations'>): void {
  a.count += b.count;
  a.failureCount += b.failureCount;
  a.weight += b.weight;
  a.sumMs += b.sumMs;
  a.minMs = Math.min(a.minMs, b.minMs);
  a.maxMs = Math.max(a.maxMs, b.maxMs);
  a.satisfied += b.satisfied;
  a.tolerated += b.tolerated;
}

/** Adds `b` into `a` (merging sketches). */
export function mergeDurationCounts(a: DurationCounts, b: Omit<DurationCounts, 'durations'> & { durations: DDSketch }): void {
  a.count += b.count;
  a.failureCount += b.failureCount;
  a.weight += b.weight;
  a.sumMs += b.sumMs;
  a.minMs = Math.min(a.minMs, b.minMs);
  a.maxMs = Math.max(a.maxMs, b.maxMs);
  a.satisfied += b.satisfied;
  a.tolerated += b.tolerated;
  if (b.durations.count > 0) a.durations.merge(b.durations);
}
