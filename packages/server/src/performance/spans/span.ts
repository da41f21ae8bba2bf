import type { JsonValue } from '@faultline/protocol';

/**
 * One span as Faultline keeps it, whichever way it arrived: a child of a v1 `transaction`
 * event, the transaction itself (its segment span), an item of a v2 `span` container, or a
 * legacy single `span` item. Sentry models spans as primary and calls a segment span a
 * transaction (Sentry developer docs, "Span Streaming" and "Transaction Payloads").
 */
export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  /** null for a trace root, and for a span whose parent formed a cycle (see notes) */
  readonly parentSpanId: string | null;
  /** the span id of the segment this span belongs to; its own id for a segment */
  readonly segmentId: string;
  readonly isSegment: boolean;
  readonly op: string;
  /** the span's name (v2) or description (v1) as sent, cut to a bound */
  description: string;
  /** a span status name (`ok`, `internal_error`, …), see span-status.ts */
  readonly status: string;
  /** epoch seconds */
  readonly start: number;
  readonly end: number;
  readonly durationMs: number;
  /** duration minus the time covered by direct children (Sentry's `exclusive_time`) */
  exclusiveTimeMs: number;
  /** v1 `data` or v2 attributes (values unwrapped), bounded */
  data: Record<string, JsonValue>;
}

/**
 * What a segment (a transaction) adds to its own span: the facts the performance views group
 * and filter by. `name` is normalized when the SDK says it came from a raw URL.
 */
export interface Segment {
  readonly span: Span;
  name: string;
  /** `transaction_info.source` / `sentry.segment.name.source`: route, url, custom, … */
  readonly source: string;
  readonly httpMethod: string | null;
  readonly httpStatusCode: number | null;
  readonly release: string | null;
  readonly environment: string | null;
  user: SegmentUser | null;
  readonly platform: string | null;
  readonly sdkName: string | null;
  /** the client's sample rate for this trace (0..1], when it said */
  readonly sampleRate: number | null;
  /** v1 transaction event id; null for streamed segments */
  readonly eventId: string | null;
  readonly measurements: Readonly<Record<string, { value: number; unit: string | null }>>;
}

export interface SegmentUser {
  readonly id: string | null;
  readonly email: string | null;
  readonly username: string | null;
  readonly ip: string | null;
}

/** Why a span or a whole item was not kept as sent (counted and shown, as processing notes are). */
export interface SpanNote {
  readonly type: 'invalid' | 'trimmed' | 'replaced';
  readonly spanId: string | null;
  readonly detail: string;
}

/**
 * The spans of one item, grouped by segment. A streamed container can carry spans of several
 * segments and a segment's spans can arrive over several envelopes, so `segment` is present
 * only when this item carried the segment span itself.
 */
export interface SpanBatch {
  readonly traceId: string;
  readonly segmentId: string;
  readonly segment: Segment | null;
  /** the segment's (normalized) name, also known to streamed spans that arrive without it */
  segmentName: string | null;
  /** every span of the batch, the segment span included */
  readonly spans: Span[];
}

export type SpanItemResult =
  | { readonly ok: true; readonly batches: SpanBatch[]; readonly notes: SpanNote[]; readonly droppedSpans: number }
  | { readonly ok: false; readonly reason: string; readonly notes: SpanNote[] };
