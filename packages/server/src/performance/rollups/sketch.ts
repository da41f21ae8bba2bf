import { DDSketch } from '@datadog/sketches-js';

/**
 * Durations are summarised in DDSketch, a mergeable quantile sketch whose quantiles are within
 * 1% of the true value (relative accuracy; Masson, Rim & Lee, "DDSketch", VLDB 2019). Sketches
 * of any minutes merge into the sketch of their union, so a window's p95 never reads spans.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

export function newSketch(): DDSketch {
  return new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
}

export function encodeSketch(sketch: DDSketch): Uint8Array {
  return sketch.toProto();
}

export function decodeSketch(bytes: Uint8Array): DDSketch {
  return DDSketch.fromProto(bytes);
}

/** The value at quantile q (0..1) of a merged sketch, or null when it holds nothing. */
export function quantileOf(sketch: DDSketch, q: number): number | null {
  return sketch.count === 0 ? null : sketch.getValueAtQuantile(q);
}

export type { DDSketch };
