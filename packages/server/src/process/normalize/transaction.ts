import { copyObjectBag } from './copy-bag.js';
import { type EventClock, readClientTimestamp } from './event-timestamps.js';
import { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { Measurement, Span } from './normalized-event.js';
import { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readBoolean, readFiniteNumber, readString, setOwn, truncate } from './read-json.js';

/**
 * Transaction spans (Sentry developer docs, Event Payloads › Span Interface): ids, op, description, status and
 * timestamps typed, `data` and `tags` bounded. Spans are not grouped into issues; they are kept for performance
 * views, so problems are summarized rather than noted per span.
 */
export function normalizeSpans(value: unknown, clock: EventClock, notes: Notes): Span[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    notes.invalid('spans', `expected an array, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const max = COUNT_LIMITS.spans;
  if (value.length > max) notes.trimmed('spans', `kept the first ${max} of ${value.length} spans`);
  const scratch = new Notes();
  const spans: Span[] = [];
  for (let i = 0; i < Math.min(value.length, max); i++) {
    const raw: unknown = value[i];
    if (!isRecord(raw)) {
      scratch.invalid('', '');
      continue;
    }
    spans.push(normalizeSpan(raw, clock, scratch));
  }
  if (scratch.total > 0) notes.invalid('spans', `${scratch.total} span field(s) invalid or trimmed`);
  return spans;
}

function normalizeSpan(raw: Record<string, unknown>, clock: EventClock, notes: Notes): Span {
  const span: Span = {};
  const short = STRING_LIMITS.short;
  put(span, 'span_id', readString(raw.span_id, notes, '', short));
  put(span, 'parent_span_id', readString(raw.parent_span_id, notes, '', short));
  put(span, 'trace_id', readString(raw.trace_id, notes, '', short));
  put(span, 'segment_id', readString(raw.segment_id, notes, '', short));
  put(span, 'op', readString(raw.op, notes, '', short));
  put(span, 'description', readString(raw.description, notes, '', STRING_LIMITS.message));
  put(span, 'status', readString(raw.status, notes, '', short));
  put(span, 'origin', readString(raw.origin, notes, '', short));
  put(span, 'start_timestamp', readClientTimestamp(raw.start_timestamp, clock));
  put(span, 'timestamp', readClientTimestamp(raw.timestamp, clock));
  put(span, 'exclusive_time', readFiniteNumber(raw.exclusive_time, notes, ''));
  put(span, 'same_process_as_parent', readBoolean(raw.same_process_as_parent, notes, ''));
  put(span, 'is_segment', readBoolean(raw.is_segment, notes, ''));
  put(span, 'data', copyObjectBag(raw.data, BAG_LIMITS.spanData, notes, ''));
  put(span, 'tags', readStringMap(raw.tags, notes));
  return span;
}

function readStringMap(value: unknown, notes: Notes): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid('', '');
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      setOwn(out, truncate(key, STRING_LIMITS.tagKey), truncate(String(v), STRING_LIMITS.tagValue));
    } else if (v !== null) notes.invalid('', '');
  }
  return out;
}

/** Web vitals and other measurements: `{name: {value, unit?}}`; anything else is dropped. */
export function normalizeMeasurements(value: unknown, notes: Notes): Record<string, Measurement> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid('measurements', `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const out: Record<string, Measurement> = {};
  let bad = 0;
  let count = 0;
  for (const name of Object.keys(value)) {
    const raw = value[name];
    const v = isRecord(raw) ? raw.value : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || name.length > STRING_LIMITS.short) {
      bad++;
      continue;
    }
    if (++count > COUNT_LIMITS.measurements) break;
    const measurement: Measurement = { value: v + 0 };
    const unit = isRecord(raw) && typeof raw.unit === 'string' && raw.unit !== '' ? raw.unit.slice(0, 32) : undefined;
    put(measurement, 'unit', unit);
    setOwn(out, name, measurement);
  }
  if (bad > 0) notes.invalid('measurements', `${bad} measurement(s) without a numeric value removed`);
  if (count > COUNT_LIMITS.measurements) notes.trimmed('measurements', `kept the first ${COUNT_LIMITS.measurements}`);
  return Object.keys(out).length === 0 ? undefined : out;
}
