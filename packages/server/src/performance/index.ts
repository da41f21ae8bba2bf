/**
 * performance — spans, traces and the rollups behind "which route got slow" (issue: performance
 * monitoring; user guide docs/performance-monitoring.md). Owns the span model (v1 transactions,
 * v2 span containers and legacy spans become one `Span`), the trace documents and rollup tables,
 * and their read models. Must not import process/ (the pipeline calls in here) or api/.
 */

export {
  accumulateRollups,
  DEFAULT_APDEX_THRESHOLD_MS,
  type RollupDeltas,
  statusClassOf,
  userKeyOf,
} from './rollups/rollup-deltas.js';
export { type DDSketch, decodeSketch, encodeSketch, newSketch, quantileOf, SKETCH_RELATIVE_ACCURACY } from './rollups/sketch.js';
export * from './spans/index.js';
export { createPerformanceRepo, type PerformanceRepo, type StoredBatch, type TraceSegmentRow } from './store/performance-repo.js';
