/**
 * performance — spans, traces and the rollups behind "which route got slow" (issue: performance
 * monitoring; user guide docs/performance-monitoring.md). Owns the span model (v1 transactions,
 * v2 span containers and legacy spans become one `Span`), the trace documents and rollup tables,
 * the trace index of error events, their read models and routes, and the performance-issue
 * detectors (detectors/, pure). Must not import process/: the pipeline calls in here.
 */

export { type PerformanceMetricSource, performanceMetricSources } from './alerts/metric-sources.js';
export * from './detectors/index.js';
export { createPerformanceSweeps, PERFORMANCE_RETENTION, type PerformanceSweeps, ROLLUP_COMPACTION } from './performance-sweeps.js';
export type { EventsDataset, EventsDatasets } from './query/events-dataset.js';
export {
  all,
  type EventsRequest,
  one,
  type ParsedField,
  parseEventsRequest,
  parseField,
  parsePeriodSeconds,
  parseProjectIds,
  parseWindow,
  type QueryParams,
} from './query/events-request.js';
export { matchesWildcard } from './query/match-value.js';
export type { ProjectRef } from './query/scan-records.js';
export { parseSearchFilters, type SearchFilter } from './query/search-filters.js';
export {
  accumulateRollups,
  DEFAULT_APDEX_THRESHOLD_MS,
  type RollupDeltas,
  statusClassOf,
  userKeyOf,
} from './rollups/rollup-deltas.js';
export { type DDSketch, decodeSketch, encodeSketch, newSketch, quantileOf, SKETCH_RELATIVE_ACCURACY } from './rollups/sketch.js';
export { type PerformanceApiDeps, registerPerformanceApi } from './routes/index.js';
export * from './spans/index.js';
export { type EventTraceRow, eventTraceRowOf, insertEventTraces, type TraceErrorRow, traceErrors } from './store/event-traces.js';
export {
  createPerformanceRepo,
  type PerformanceRepo,
  prepareSpanRows,
  type SpanRows,
  type StoredBatch,
  type TraceSegmentRow,
} from './store/performance-repo.js';
export type { TraceMeta } from './traces/trace-meta.js';
export type { FindTraceOccurrences, OccurrenceNode, TraceOccurrence } from './traces/trace-occurrences.js';
export { createTraceReader, type TraceReader } from './traces/trace-reader.js';
export { parseTraceRequest, type TraceRequest } from './traces/trace-request.js';
export type { ErrorNode, SpanNode, TraceNaming, TraceNode } from './traces/trace-tree.js';
export { BREAKDOWN_OPS, spanOpsBreakdown, type TransactionEventSpans, transactionEventSpans } from './traces/transaction-event.js';
