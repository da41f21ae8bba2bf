import type { Generated } from 'kysely';

/**
 * Row types of the performance tables (migration 0013). Times are ms unless the column says
 * seconds; '' stands for "none" in rollup key columns so equality and grouping stay simple.
 */
export interface TraceSegmentTable {
  id: Generated<number>;
  project_id: number;
  trace_id: string;
  segment_id: string;
  /** 1 when this row's spans include the segment span itself (a transaction), else 0 */
  has_segment: number;
  name: string | null;
  op: string | null;
  status: string | null;
  http_method: string | null;
  http_status_code: number | null;
  release: string | null;
  environment: string | null;
  user_key: string | null;
  /** a v1 transaction's event id, so its event JSON can be served */
  event_id: string | null;
  start_ms: number;
  end_ms: number;
  /** the segment span's duration, when the row has it */
  duration_ms: number | null;
  /** the client's sample rate for the trace, when it said */
  sample_rate: number | null;
  span_count: number;
  received_at: number;
  /** deflated JSON of the spans (performance/store/trace-document.ts) */
  document: Uint8Array;
}

/** Per minute and key: transaction counts, durations and a DDSketch of them. */
export interface PerfRollupTable {
  id: Generated<number>;
  project_id: number;
  /** start of the minute, epoch seconds */
  minute: number;
  name: string;
  op: string;
  http_method: string;
  status: string;
  status_class: string;
  environment: string;
  release: string;
  count: number;
  failure_count: number;
  /** sum of 1 / sample rate: the estimated number of transactions before sampling */
  weight: number;
  sum_ms: number;
  min_ms: number;
  max_ms: number;
  /** apdex counts at the threshold in force when processed */
  satisfied: number;
  tolerated: number;
  sketch: Uint8Array;
  /** 1 once the row is the only one of its key and minute */
  compacted: number;
}

/** Per hour and key: the compacted minutes of `perf_rollups` folded together (`minute` is the hour's start). */
export type PerfRollupHourlyTable = Omit<PerfRollupTable, 'compacted'>;

/**
 * Per hour, project, environment and transaction name: the hourly rows of every op, method,
 * status and release folded together (migration 0018), for queries that ask about no other column.
 */
export type PerfRollupHourlyNameTable = Omit<PerfRollupHourlyTable, 'op' | 'http_method' | 'status' | 'status_class' | 'release'>;

/** Distinct users of a transaction name per hour (count_unique(user)). */
export interface PerfUserTable {
  project_id: number;
  hour: number;
  name: string;
  environment: string;
  release: string;
  user_key: string;
}

/** Per hour, segment name, span op and span group: which spans dominate. The description is in `span_descriptions`. */
export interface SpanRollupTable {
  id: Generated<number>;
  project_id: number;
  /** start of the hour, epoch seconds */
  minute: number;
  segment_name: string;
  op: string;
  span_group: string;
  count: number;
  sum_ms: number;
  sum_self_ms: number;
  max_self_ms: number;
  failure_count: number;
  /** DDSketch of self times */
  sketch: Uint8Array;
  /** DDSketch of durations */
  duration_sketch: Uint8Array;
  compacted: number;
}

/** The normalized description of each span group, stored once instead of on every rollup row (0016). */
export interface SpanDescriptionTable {
  project_id: number;
  span_group: string;
  description: string;
  /** the latest hour a rollup row of the group was written for: retention deletes the row with the last of them */
  last_hour: number;
}

/** Occurrences of a performance problem whose issue is not open yet (0016), counted from `first_seen` (ms). */
export interface PerfProblemCountTable {
  project_id: number;
  fingerprint: string;
  count: number;
  first_seen: number;
}

/** The trace index of stored error events (0014): which trace and span each one happened in. */
export interface EventTraceTable {
  project_id: number;
  event_id: string;
  trace_id: string;
  /** the error's `contexts.trace.span_id`: the span it happened in */
  span_id: string | null;
  issue_id: number | null;
  /** the event's `transaction` (the route or task it happened in) */
  transaction: string | null;
  /** performance issues: the group type id (1006, …) */
  occurrence_type: number | null;
  /** performance issues: JSON list of the blamed span ids */
  offender_span_ids: string | null;
  /** the event's own timestamp, ms */
  timestamp: number;
  /** the event's receive time, ms: retention deletes the row with its event */
  received_at: number;
}

export interface PerformanceTables {
  trace_segments: TraceSegmentTable;
  event_traces: EventTraceTable;
  perf_rollups: PerfRollupTable;
  perf_rollups_hourly: PerfRollupHourlyTable;
  perf_rollups_hourly_names: PerfRollupHourlyNameTable;
  perf_users: PerfUserTable;
  span_rollups: SpanRollupTable;
  span_descriptions: SpanDescriptionTable;
  perf_problem_counts: PerfProblemCountTable;
}
