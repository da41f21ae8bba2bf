import { isJsonObject, type JsonObject, type JsonValue } from '@faultline/protocol';
import { computeExclusiveTimes } from './exclusive-time.js';
import { normalizeUrlName } from './normalize-names.js';
import type { Segment, Span, SpanBatch, SpanItemResult, SpanNote } from './span.js';
import {
  boundedData,
  breakParentCycles,
  integerOrNull,
  MAX_SPANS_PER_ITEM,
  spanIdOf,
  spanTimes,
  stringOrNull,
  textOf,
  traceIdOf,
  unwrapAttributes,
} from './span-fields.js';
import { spanStatusName } from './span-status.js';
import { sampleRateOf } from './spans-from-transaction.js';

/**
 * A `span` item: a v2 container (`{"version": 2, "items": [...]}`, what JS SDK 11 streams by
 * default) or a legacy single span (SDK 8/9 standalone spans such as browser INP). Sentry
 * developer docs, "Envelope Items" › "Span" and "Span Streaming". A streamed segment is a
 * transaction everywhere: its own span carries the route, status, release and user.
 */
export function spansFromSpanItem(payload: JsonObject, envelopeTrace: JsonObject | undefined): SpanItemResult {
  const notes: SpanNote[] = [];
  if (Array.isArray(payload.items)) return fromV2(payload.items, envelopeTrace, notes);
  if (payload.span_id !== undefined) return fromLegacy(payload, envelopeTrace, notes);
  return { ok: false, reason: 'span item is neither a v2 container nor a span', notes };
}

function fromV2(items: JsonValue[], envelopeTrace: JsonObject | undefined, notes: SpanNote[]): SpanItemResult {
  const kept: { span: Span; attributes: JsonObject }[] = [];
  let droppedSpans = 0;
  const seen = new Set<string>();
  for (const [index, raw] of items.entries()) {
    if (kept.length >= MAX_SPANS_PER_ITEM) {
      droppedSpans += items.length - index;
      notes.push({ type: 'trimmed', spanId: null, detail: `only the first ${MAX_SPANS_PER_ITEM} spans were kept; ${items.length - index} dropped` });
      break;
    }
    const parsed = v2Span(raw, notes);
    if (parsed === null || seen.has(parsed.span.spanId)) {
      if (parsed !== null) notes.push({ type: 'invalid', spanId: parsed.span.spanId, detail: 'span_id repeated within the item; dropped' });
      droppedSpans++;
      continue;
    }
    seen.add(parsed.span.spanId);
    kept.push(parsed);
  }
  if (kept.length === 0) return { ok: false, reason: 'no valid span in the item', notes };
  return { ok: true, notes, droppedSpans, batches: groupIntoBatches(kept, envelopeTrace, notes) };
}

function v2Span(raw: JsonValue | undefined, notes: SpanNote[]): { span: Span; attributes: JsonObject } | null {
  if (!isJsonObject(raw)) {
    notes.push({ type: 'invalid', spanId: null, detail: 'a span is not an object; dropped' });
    return null;
  }
  const spanId = spanIdOf(raw.span_id);
  const traceId = traceIdOf(raw.trace_id);
  if (spanId === null || traceId === null) {
    notes.push({ type: 'invalid', spanId, detail: 'a span has no valid span_id or trace_id; dropped' });
    return null;
  }
  const times = spanTimes(raw.start_timestamp, raw.end_timestamp ?? raw.timestamp);
  if ('reason' in times) {
    notes.push({ type: 'invalid', spanId, detail: `${times.reason}; dropped` });
    return null;
  }
  const attributes = unwrapAttributes(raw.attributes);
  const isSegment = raw.is_segment === true;
  const parentSpanId = spanIdOf(raw.parent_span_id);
  const segmentId = spanIdOf(attributes['sentry.segment.id']) ?? (isSegment ? spanId : (parentSpanId ?? spanId));
  const httpStatusCode = integerOrNull(attributes['http.response.status_code'] ?? attributes['http.status_code']);
  const span: Span = {
    traceId,
    spanId,
    parentSpanId,
    segmentId,
    isSegment,
    op: textOf(attributes['sentry.op'], 100) || 'default',
    description: descriptionOf(raw.name, attributes),
    status: spanStatusName(raw.status, attributes['sentry.status.message'], httpStatusCode),
    start: times.start,
    end: times.end,
    durationMs: times.durationMs,
    exclusiveTimeMs: times.durationMs,
    data: boundedData(withoutRepeated(attributes)),
  };
  return { span, attributes };
}

/**
 * A streamed span's description: `sentry.description` when the SDK set one; for a database
 * span the statement (`db.query.text`, or the older `db.statement`) — SDK 11's OpenTelemetry
 * names a pg span just `SELECT` and puts the query there; else the span's name.
 */
function descriptionOf(name: JsonValue | undefined, attributes: JsonObject): string {
  const explicit = attributes['sentry.description'];
  if (typeof explicit === 'string' && explicit !== '') return textOf(explicit);
  const statement = attributes['db.query.text'] ?? attributes['db.statement'];
  if (typeof statement === 'string' && statement !== '') return textOf(statement);
  return textOf(name);
}

/** The SDK repeats the segment's facts on every span; they are kept once, on the segment. */
const REPEATED = new Set(['sentry.sdk.integrations', 'sentry.segment.name', 'sentry.segment.id', 'sentry.trace_lifecycle']);
function withoutRepeated(attributes: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(attributes)) if (!REPEATED.has(key)) out[key] = value;
  return out;
}

function groupIntoBatches(kept: { span: Span; attributes: JsonObject }[], envelopeTrace: JsonObject | undefined, notes: SpanNote[]): SpanBatch[] {
  const groups = new Map<string, { span: Span; attributes: JsonObject }[]>();
  for (const entry of kept) {
    const key = `${entry.span.traceId}:${entry.span.segmentId}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [entry]);
    else list.push(entry);
  }
  const batches: SpanBatch[] = [];
  for (const entries of groups.values()) {
    const spans = breakParentCycles(
      entries.map((e) => e.span),
      notes,
    );
    computeExclusiveTimes(spans);
    const segmentEntry = entries.find((e) => e.span.isSegment && e.span.spanId === e.span.segmentId);
    const segmentSpan = segmentEntry === undefined ? undefined : spans.find((s) => s.spanId === segmentEntry.span.spanId);
    const first = spans[0] as Span;
    const segment = segmentEntry === undefined || segmentSpan === undefined ? null : segmentOf(segmentSpan, segmentEntry.attributes, envelopeTrace);
    const named = entries.find((e) => typeof e.attributes['sentry.segment.name'] === 'string');
    const source = stringOrNull(named?.attributes['sentry.segment.name.source'], 32);
    const sentName = named === undefined ? null : routeName(textOf(named.attributes['sentry.segment.name'], 200), source, named.attributes);
    batches.push({
      traceId: first.traceId,
      segmentId: first.segmentId,
      segment,
      segmentName: segment?.name ?? (sentName === null ? null : source === 'url' ? normalizeUrlName(sentName) : sentName),
      spans,
    });
  }
  return batches;
}

/**
 * With span streaming, @sentry/browser names page loads and navigations "Pageload" and
 * "Navigation" and leaves the path in `url.path` (source `url`), where a v1 transaction is
 * named by the path. The path is what the views group by, so a streamed page load lands on
 * the same `/orders/*` row as the transaction of an SDK that sends v1.
 */
const URL_NAME_FALLBACKS = new Set(['Pageload', 'Navigation']);

function routeName(name: string, source: string | null, a: JsonObject): string {
  const path = a['url.path'];
  return source === 'url' && URL_NAME_FALLBACKS.has(name) && typeof path === 'string' && path !== '' ? textOf(path, 200) : name;
}

export function segmentOf(span: Span, a: JsonObject, envelopeTrace: JsonObject | undefined): Segment {
  const source = stringOrNull(a['sentry.segment.name.source'] ?? a['sentry.source'], 32) ?? 'unknown';
  const rawName = routeName(textOf(a['sentry.segment.name'], 200) || span.description.slice(0, 200), source, a);
  const userId = a['user.id'];
  const user = {
    id: userId === undefined || userId === null ? null : String(userId).slice(0, 128),
    email: stringOrNull(a['user.email']),
    username: stringOrNull(a['user.username'] ?? a['user.name']),
    ip: stringOrNull(a['user.ip_address'], 64),
  };
  return {
    span,
    name: source === 'url' ? normalizeUrlName(rawName) : rawName,
    source,
    httpMethod: stringOrNull(a['http.request.method'] ?? a['http.method'], 16)?.toUpperCase() ?? null,
    httpStatusCode: integerOrNull(a['http.response.status_code'] ?? a['http.status_code']),
    release: stringOrNull(a['sentry.release']),
    environment: stringOrNull(a['sentry.environment'], 64),
    user: user.id === null && user.email === null && user.username === null && user.ip === null ? null : user,
    platform: stringOrNull(a['sentry.platform'], 32),
    sdkName: stringOrNull(a['sentry.sdk.name'], 64),
    sampleRate: sampleRateOf(a['sentry.sample_rate']) ?? sampleRateOf(envelopeTrace?.sample_rate),
    eventId: null,
    measurements: webVitalsOf(a),
  };
}

/** `browser.web_vital.lcp.value` → `lcp` (milliseconds; `cls` has no unit). */
function webVitalsOf(a: JsonObject): Record<string, { value: number; unit: string | null }> {
  const out: Record<string, { value: number; unit: string | null }> = {};
  const prefix = 'browser.web_vital.';
  for (const [key, value] of Object.entries(a)) {
    if (!key.startsWith(prefix) || !key.endsWith('.value') || typeof value !== 'number' || !Number.isFinite(value)) continue;
    const name = key.slice(prefix.length, -'.value'.length);
    out[name] = { value, unit: name === 'cls' ? null : 'millisecond' };
  }
  return out;
}

function fromLegacy(raw: JsonObject, envelopeTrace: JsonObject | undefined, notes: SpanNote[]): SpanItemResult {
  const spanId = spanIdOf(raw.span_id);
  const traceId = traceIdOf(raw.trace_id);
  if (spanId === null || traceId === null) return { ok: false, reason: 'span has no valid span_id or trace_id', notes };
  const times = spanTimes(raw.start_timestamp, raw.timestamp);
  if ('reason' in times) return { ok: false, reason: times.reason, notes };
  const data = isJsonObject(raw.data) ? raw.data : {};
  const parentSpanId = spanIdOf(raw.parent_span_id);
  const isSegment = raw.is_segment === true;
  const segmentId = spanIdOf(raw.segment_id) ?? (isSegment ? spanId : (parentSpanId ?? spanId));
  const span: Span = {
    traceId,
    spanId,
    parentSpanId,
    segmentId,
    isSegment: isSegment || segmentId === spanId,
    op: textOf(raw.op ?? data['sentry.op'], 100) || 'default',
    description: textOf(raw.description),
    status: spanStatusName(raw.status, undefined, integerOrNull(data['http.response.status_code'])),
    start: times.start,
    end: times.end,
    durationMs: times.durationMs,
    exclusiveTimeMs: times.durationMs,
    data: boundedData(data),
  };
  const segment = span.isSegment ? segmentOf(span, { ...data, 'sentry.segment.name': raw.description ?? null }, envelopeTrace) : null;
  return { ok: true, notes, droppedSpans: 0, batches: [{ traceId, segmentId, segment, segmentName: segment?.name ?? null, spans: [span] }] };
}
