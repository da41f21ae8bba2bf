import type { JsonObject, JsonValue } from '@faultline/protocol';

/**
 * The event every later stage (filter, scrub, group, store, UI) reads. Field names are
 * Sentry's event JSON names (Sentry developer docs, Event Payloads) so stored events look like
 * Sentry's and its documentation applies unchanged. Every field is either absent or valid: stages never re-check
 * types. Nothing in here is shared with the raw payload (normalize copies what it keeps), so
 * later stages may mutate it in place.
 */
export interface NormalizedEvent {
  /** 32 lowercase hex. */
  event_id: string;
  project: number;
  type: EventType;
  level: Level;
  /** One of Sentry's platform names, `other` when unknown. */
  platform: string;
  /** Float seconds since the epoch (Sentry's form), clock-corrected (see event-timestamps.ts). */
  timestamp: number;
  /** When ingest received the item, ms since the epoch (our vocabulary: `receivedAt`). */
  receivedAt: number;
  /** Transactions only: float seconds. */
  start_timestamp?: number;
  /** Computed by the server as Sentry does (title.ts); never taken from the client. */
  title: string;
  /** Computed (title.ts); may be empty. */
  culprit: string;
  metadata: EventMetadata;
  logger?: string;
  transaction?: string;
  transaction_info?: { source?: string };
  server_name?: string;
  release?: string;
  dist?: string;
  /** Absent when the SDK sent none (Sentry stores none either; SDKs default it themselves). */
  environment?: string;
  /** `message` (string or object) and `logentry` unified; `formatted` is always set. */
  logentry?: LogEntry;
  /** Oldest first: chained causes first, the thrown exception last. Never empty. */
  exception?: { values: ExceptionValue[] };
  threads?: { values: Thread[] };
  stacktrace?: Stacktrace;
  breadcrumbs?: { values: Breadcrumb[] };
  user?: EventUser;
  request?: EventRequest;
  /** Alias → context object; every context has a string `type` (defaults to its alias). */
  contexts?: Record<string, JsonObject>;
  /** Always present, possibly empty: `[key, value]` strings, keys unique. */
  tags: Pair[];
  extra?: JsonObject;
  modules?: Record<string, string>;
  sdk?: EventSdk;
  fingerprint?: string[];
  /** Kept for symbolication (docs/releases.md › Source maps). */
  debug_meta?: JsonObject;
  spans?: Span[];
  measurements?: Record<string, Measurement>;
  /** Browser security report (type `csp`). */
  csp?: JsonObject;
  /** Client-side trimming metadata (Python sends it), kept as sent. */
  _meta?: JsonObject;
  /**
   * Set by the server on the transaction event of a performance issue (process/spans): the
   * detector's finding in Sentry's occurrence shape (Sentry developer docs, "Issue Platform").
   */
  occurrence?: JsonObject;
}

export type Level = 'fatal' | 'error' | 'warning' | 'info' | 'debug';
export type EventType = 'error' | 'default' | 'transaction' | 'csp' | 'feedback';
export type Pair = [string, string];

/** What Sentry stores as `metadata` for issue lists (type/value of the main exception etc.). */
export interface EventMetadata {
  /** Main exception type; absent for synthetic exceptions (JS `captureMessage`). */
  type?: string;
  value?: string;
  /** Crash location: the top in-app frame (else the top frame). */
  filename?: string;
  function?: string;
  /** Default and transaction events: the title source. */
  title?: string;
}

export interface LogEntry {
  formatted: string;
  /** The template, only when it differs from `formatted` (it groups: Sentry developer docs, Grouping). */
  message?: string;
  params?: JsonValue;
}

export interface ExceptionValue {
  type?: string;
  value?: string;
  module?: string;
  thread_id?: string | number;
  mechanism?: Mechanism;
  stacktrace?: Stacktrace;
  /** the stack as the SDK sent it, when symbolication rewrote `stacktrace` (Sentry's name) */
  raw_stacktrace?: Stacktrace;
}

export interface Mechanism {
  /** Defaults to `generic` as in Sentry. */
  type: string;
  handled?: boolean;
  synthetic?: boolean;
  description?: string;
  help_link?: string;
  source?: string;
  exception_id?: number;
  parent_id?: number;
  is_exception_group?: boolean;
  data?: JsonObject;
  meta?: JsonObject;
}

export interface Stacktrace {
  /** Oldest first: the crashing frame is last. Never empty. */
  frames: Frame[];
  /** Sentry's marker for frames dropped from the middle: `[start, end)` in original indices. */
  frames_omitted?: [number, number];
  registers?: JsonObject;
}

export interface Frame {
  filename?: string;
  abs_path?: string;
  function?: string;
  raw_function?: string;
  module?: string;
  package?: string;
  platform?: string;
  lineno?: number;
  colno?: number;
  /** Always decided: the SDK's flag when sent, else the path heuristic (frames.ts). */
  in_app: boolean;
  context_line?: string;
  pre_context?: string[];
  post_context?: string[];
  vars?: JsonObject;
  symbol?: string;
  instruction_addr?: string;
  symbol_addr?: string;
  image_addr?: string;
  addr_mode?: string;
  data?: JsonObject;
}

export interface Thread {
  id?: string | number;
  name?: string;
  crashed?: boolean;
  current?: boolean;
  main?: boolean;
  state?: string;
  stacktrace?: Stacktrace;
  /** the stack as the SDK sent it, when symbolication rewrote `stacktrace` */
  raw_stacktrace?: Stacktrace;
}

export interface Breadcrumb {
  /** Float seconds, clock-corrected like the event. */
  timestamp?: number;
  /** Defaults to `default`. */
  type: string;
  category?: string;
  message?: string;
  level?: Level;
  data?: JsonObject;
  event_id?: string;
}

export interface EventUser {
  id?: string;
  email?: string;
  username?: string;
  name?: string;
  /** A valid IPv4/IPv6 address; `{{auto}}` has been replaced by the client IP or removed. */
  ip_address?: string;
  segment?: string;
  geo?: { country_code?: string; city?: string; subdivision?: string; region?: string };
  /** `data` plus any unknown user keys. */
  data?: JsonObject;
}

export interface EventRequest {
  /** Without query and fragment (moved to `query_string`/`fragment`, as Relay does). */
  url?: string;
  method?: string;
  query_string?: Pair[];
  fragment?: string;
  /** Header names in canonical case (`User-Agent`). */
  headers?: Pair[];
  cookies?: Pair[];
  data?: JsonValue;
  env?: JsonObject;
}

export interface EventSdk {
  name?: string;
  version?: string;
  integrations?: string[];
  packages?: { name: string; version: string }[];
  settings?: JsonObject;
}

export interface Span {
  span_id?: string;
  parent_span_id?: string;
  trace_id?: string;
  segment_id?: string;
  op?: string;
  description?: string;
  status?: string;
  origin?: string;
  start_timestamp?: number;
  timestamp?: number;
  exclusive_time?: number;
  same_process_as_parent?: boolean;
  is_segment?: boolean;
  data?: JsonObject;
  tags?: Record<string, string>;
}

export interface Measurement {
  value: number;
  unit?: string;
}
