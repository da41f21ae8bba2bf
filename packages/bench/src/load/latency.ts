import type { LatencySummary } from './messages.js';

/**
 * Keeps every sample (8 bytes each: 20 s at 5,000/s is under 1 MB) and sorts once at the
 * end, so percentiles are exact rather than bucketed.
 */
export interface LatencyRecorder {
  record(ms: number): void;
  summary(): LatencySummary | null;
}

export function createLatencyRecorder(initialCapacity = 16_384): LatencyRecorder {
  let samples = new Float64Array(initialCapacity);
  let count = 0;
  return {
    record(ms) {
      if (count === samples.length) {
        const grown = new Float64Array(samples.length * 2);
        grown.set(samples);
        samples = grown;
      }
      samples[count++] = ms;
    },
    summary() {
      if (count === 0) return null;
      const sorted = samples.slice(0, count).sort();
      let sum = 0;
      for (const v of sorted) sum += v;
      return {
        count,
        meanMs: round(sum / count),
        p50Ms: round(percentile(sorted, 50)),
        p90Ms: round(percentile(sorted, 90)),
        p99Ms: round(percentile(sorted, 99)),
        maxMs: round(sorted[count - 1] ?? 0),
      };
    },
  };
}

/** Nearest-rank percentile of ascending `sorted` (the smallest value ≥ p% of samples). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
