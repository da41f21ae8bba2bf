/**
 * Performance issues found in a trace, as the trace view's `occurrences` (Sentry API docs,
 * "Retrieve a Trace"; docs/performance-monitoring.md › Traces). The seam the performance-issue
 * detectors fill: the pipeline stores each performance issue's event with its blamed spans in
 * the trace index (process/spans/performance-issues.ts), and the trace reader shows the
 * occurrence under each of them. A test may pass its own finder instead.
 */

/** An occurrence as the trace view shows it: an error node's shape with `event_type: "occurrence"`. */
export interface OccurrenceNode {
  readonly event_type: 'occurrence';
  readonly event_id: string;
  readonly issue_id: number;
  readonly project_id: number;
  readonly project_slug: string;
  readonly transaction: string;
  /** the issue's title */
  readonly description: string;
  readonly level: string;
  readonly start_timestamp: number;
  readonly end_timestamp: number;
  readonly culprit: string;
  readonly short_id: string;
  /** the performance issue's group type id */
  readonly issue_type: number;
}

export interface TraceOccurrence {
  /** the spans the detector blames; the node is shown under each of them that is in the trace */
  readonly offenderSpanIds: readonly string[];
  readonly node: OccurrenceNode;
}

export type FindTraceOccurrences = (projectIds: readonly number[], traceId: string, spanIds: ReadonlySet<string>) => Promise<TraceOccurrence[]>;
