// The performance shapes of /api/0/ (Sentry API docs: "Query Explore Events in Table Format",
// "Retrieve Event Counts", "Retrieve a Trace"; docs/performance-monitoring.md).

/** A cell of an events row: rows are keyed by the requested `field` spellings. */
export type EventsValue = string | number | boolean | null;
export type EventsRow = Readonly<Record<string, EventsValue>>;

/** `GET /organizations/{org}/events/`. `meta` is absent on nothing but very old servers. */
export interface EventsTable {
  data: EventsRow[];
  meta?: {
    fields?: Record<string, string>;
    units?: Record<string, string | null>;
    /** "partial" when the server scanned only part of the window */
    dataScanned?: 'full' | 'partial';
    tips?: { query?: string | null; columns?: string | null };
  };
}

/** One bucket of `events-stats/`: `[unix seconds, [{count: value}]]`; the key is `count` whatever the yAxis. */
export type StatsBucket = [number, { count: number | null }[]];

export interface StatsSeries {
  data: StatsBucket[];
  start?: number;
  end?: number;
  order?: number;
}

/** `events-stats/`: one series, or (several yAxis) an object of series keyed by yAxis. */
export type EventsStats = StatsSeries | Record<string, StatsSeries>;

/** An error of the trace, on the span it happened in (or at the top level when its span is not in the trace). */
export interface TraceError {
  event_type: 'error';
  event_id: string;
  issue_id: number | string | null;
  project_slug?: string;
  short_id?: string;
  description: string;
  level: string;
  transaction?: string;
  start_timestamp?: number;
  culprit?: string;
}

/** A performance issue whose offending spans include this one. */
export interface TraceOccurrence {
  event_type: 'occurrence';
  event_id: string;
  issue_id: number | string | null;
  short_id?: string;
  description: string;
  level?: string;
}

export interface TraceSpanNode {
  event_type?: 'span';
  /** the span id */
  event_id: string;
  transaction_id?: string;
  project_id?: number | string;
  project_slug?: string;
  parent_span_id?: string | null;
  /** epoch seconds */
  start_timestamp: number;
  end_timestamp: number;
  /** ms */
  duration: number;
  transaction?: string;
  is_transaction?: boolean;
  op?: string;
  description?: string;
  name?: string;
  sdk_name?: string;
  /** not in every server's answer */
  status?: string;
  exclusive_time?: number;
  data?: Record<string, unknown>;
  additional_attributes?: Record<string, unknown>;
  measurements?: Record<string, number>;
  errors?: TraceError[];
  occurrences?: TraceOccurrence[];
  children: TraceSpanNode[];
}

/** `GET /organizations/{org}/trace/{traceId}/`: span roots, then errors no span of the trace holds. */
export type TraceNode = TraceSpanNode | TraceError;
