import { isJsonObject, type JsonObject, type JsonValue } from '@faultline/protocol';
import { computeExclusiveTimes } from './exclusive-time.js';
import { normalizeUrlName } from './normalize-names.js';
import type { Segment, SegmentUser, Span, SpanItemResult, SpanNote } from './span.js';
import { boundedData, breakParentCycles, integerOrNull, MAX_SPANS_PER_ITEM, spanIdOf, spanTimes, stringOrNull, textOf, traceIdOf } from './span-fields.js';
import { spanStatusName } from './span-status.js';

/**
 * A v1 `transaction` event (Sentry developer docs, "Transaction Payloads") as a segment span
 * plus its child spans. The trace context is required: without a trace and span id there is
 * nothing to hang the spans on. Child spans that make no sense (bad ids, end before start,
 * absurd durations) are dropped with a note; the rest of the transaction still counts.
 */
export function spansFromTransaction(payload: JsonObject, envelopeTrace: JsonObject | undefined): SpanItemResult {
  const notes: SpanNote[] = [];
  const trace = isJsonObject(payload.contexts) && isJsonObject(payload.contexts.trace) ? payload.contexts.trace : undefined;
  if (trace === undefined) return { ok: false, reason: 'missing_trace_context', notes };
  const traceId = traceIdOf(trace.trace_id);
  const segmentId = spanIdOf(trace.span_id);
  if (traceId === null || segmentId === null) return { ok: false, reason: 'invalid_trace_context', notes };
  const times = spanTimes(payload.start_timestamp, payload.timestamp);
  if ('reason' in times) return { ok: false, reason: `invalid_timestamps: ${times.reason}`, notes };

  const traceData = isJsonObject(trace.data) ? trace.data : {};
  const response = isJsonObject(payload.contexts) && isJsonObject(payload.contexts.response) ? payload.contexts.response : {};
  const tags = tagMap(payload.tags);
  const httpStatusCode =
    integerOrNull(response.status_code) ??
    integerOrNull(traceData['http.response.status_code']) ??
    integerOrNull(traceData['http.status_code']) ??
    integerOrNull(tags['http.status_code']);
  const request = isJsonObject(payload.request) ? payload.request : {};
  const httpMethod =
    stringOrNull(request.method, 16)?.toUpperCase() ?? stringOrNull(traceData['http.request.method'] ?? traceData['http.method'], 16)?.toUpperCase() ?? null;
  const op = textOf(trace.op, 100) || 'default';
  const rawName = textOf(payload.transaction, 200);
  const source = isJsonObject(payload.transaction_info) ? (stringOrNull(payload.transaction_info.source, 32) ?? 'unknown') : 'unknown';

  const segmentSpan: Span = {
    traceId,
    spanId: segmentId,
    parentSpanId: spanIdOf(trace.parent_span_id),
    segmentId,
    isSegment: true,
    op,
    description: rawName,
    status: spanStatusName(trace.status, undefined, httpStatusCode),
    start: times.start,
    end: times.end,
    durationMs: times.durationMs,
    exclusiveTimeMs: times.durationMs,
    data: boundedData(traceData),
  };
  const segment: Segment = {
    span: segmentSpan,
    name: source === 'url' ? normalizeUrlName(rawName) : rawName,
    source,
    httpMethod,
    httpStatusCode,
    release: stringOrNull(payload.release),
    environment: stringOrNull(payload.environment, 64),
    user: userOf(payload.user),
    platform: stringOrNull(payload.platform, 32),
    sdkName: isJsonObject(payload.sdk) ? stringOrNull(payload.sdk.name, 64) : null,
    sampleRate: sampleRateOf(traceData['sentry.sample_rate']) ?? sampleRateOf(envelopeTrace?.sample_rate),
    eventId: stringOrNull(payload.event_id, 32),
    measurements: measurementsOf(payload.measurements),
  };

  const children: Span[] = [];
  const rawSpans = Array.isArray(payload.spans) ? payload.spans : [];
  let droppedSpans = 0;
  const seen = new Set([segmentId]);
  for (const [index, raw] of rawSpans.entries()) {
    if (children.length >= MAX_SPANS_PER_ITEM) {
      droppedSpans += rawSpans.length - index;
      notes.push({ type: 'trimmed', spanId: null, detail: `only the first ${MAX_SPANS_PER_ITEM} spans were kept; ${rawSpans.length - index} dropped` });
      break;
    }
    const child = childSpan(raw, traceId, segmentId, notes);
    if (child === null || seen.has(child.spanId)) {
      if (child !== null) notes.push({ type: 'invalid', spanId: child.spanId, detail: 'span_id repeated within the transaction; dropped' });
      droppedSpans++;
      continue;
    }
    seen.add(child.spanId);
    children.push(child);
  }
  const spans = breakParentCycles([segmentSpan, ...children], notes);
  computeExclusiveTimes(spans);
  const segmentSpanFinal = spans[0] as Span;
  return {
    ok: true,
    notes,
    droppedSpans,
    batches: [{ traceId, segmentId, segment: { ...segment, span: segmentSpanFinal }, segmentName: segment.name, spans }],
  };
}

function childSpan(raw: JsonValue | undefined, traceId: string, segmentId: string, notes: SpanNote[]): Span | null {
  if (!isJsonObject(raw)) {
    notes.push({ type: 'invalid', spanId: null, detail: 'a span is not an object; dropped' });
    return null;
  }
  const spanId = spanIdOf(raw.span_id);
  if (spanId === null) {
    notes.push({ type: 'invalid', spanId: null, detail: 'a span has no valid span_id; dropped' });
    return null;
  }
  const times = spanTimes(raw.start_timestamp, raw.timestamp);
  if ('reason' in times) {
    notes.push({ type: 'invalid', spanId, detail: `${times.reason}; dropped` });
    return null;
  }
  const data = isJsonObject(raw.data) ? raw.data : undefined;
  const httpStatusCode = integerOrNull(data?.['http.response.status_code'] ?? data?.['http.status_code']);
  return {
    traceId,
    spanId,
    // A span without a parent hangs off the transaction, as the UI draws it.
    parentSpanId: spanIdOf(raw.parent_span_id) ?? segmentId,
    segmentId,
    isSegment: false,
    op: textOf(raw.op, 100) || 'default',
    description: textOf(raw.description),
    status: spanStatusName(raw.status, undefined, httpStatusCode),
    start: times.start,
    end: times.end,
    durationMs: times.durationMs,
    exclusiveTimeMs: times.durationMs,
    data: boundedData(data),
  };
}

function tagMap(tags: unknown): Record<string, JsonValue> {
  if (isJsonObject(tags)) return tags as Record<string, JsonValue>;
  const out: Record<string, JsonValue> = {};
  if (Array.isArray(tags)) {
    for (const pair of tags) if (Array.isArray(pair) && typeof pair[0] === 'string') out[pair[0]] = pair[1] ?? null;
  }
  return out;
}

export function userOf(value: unknown): SegmentUser | null {
  if (!isJsonObject(value)) return null;
  const user: SegmentUser = {
    id: value.id === undefined || value.id === null ? null : String(value.id).slice(0, 128),
    email: stringOrNull(value.email),
    username: stringOrNull(value.username),
    ip: stringOrNull(value.ip_address, 64),
  };
  return user.id === null && user.email === null && user.username === null && user.ip === null ? null : user;
}

/** Sample rates arrive as numbers or as strings (the envelope's trace header). */
export function sampleRateOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 1 ? n : null;
}

export function measurementsOf(value: unknown): Record<string, { value: number; unit: string | null }> {
  const out: Record<string, { value: number; unit: string | null }> = {};
  if (!isJsonObject(value)) return out;
  for (const [name, m] of Object.entries(value).slice(0, 64)) {
    if (!isJsonObject(m) || typeof m.value !== 'number' || !Number.isFinite(m.value)) continue;
    out[name.slice(0, 64)] = { value: m.value, unit: stringOrNull(m.unit, 32) };
  }
  return out;
}
