import { isJsonObject, type JsonObject, type JsonValue, parseTimestamp } from '@faultline/protocol';
import type { Span, SpanNote } from './span.js';

/** Shared checks of the span parsers: ids, times, bounded data, the cap per item. */

/** Relay keeps at most this many spans of one item; the rest are dropped with a note. */
export const MAX_SPANS_PER_ITEM = 2000;
/** A span longer than a week is a clock error, not a measurement. */
export const MAX_DURATION_MS = 7 * 24 * 3600 * 1000;
const MAX_DESCRIPTION = 2000;
const MAX_DATA_KEYS = 64;
const MAX_DATA_STRING = 1000;

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

/** Trace ids arrive with or without dashes, in any case (Sentry developer docs, "Traces" › "Trace Context"). */
export function traceIdOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const id = value.replaceAll('-', '').toLowerCase();
  return TRACE_ID.test(id) && id !== '0'.repeat(32) ? id : null;
}

export function spanIdOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 32) return null;
  const id = value.toLowerCase();
  return SPAN_ID.test(id) && id !== '0'.repeat(16) ? id : null;
}

export function secondsOf(value: unknown): number | null {
  const parsed = parseTimestamp(value);
  return parsed.ok ? parsed.ms / 1000 : null;
}

export function textOf(value: unknown, max = MAX_DESCRIPTION): string {
  if (typeof value !== 'string') return '';
  return value.length > max ? value.slice(0, max) : value;
}

export function stringOrNull(value: unknown, max = 200): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : null;
}

export function integerOrNull(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** A bounded copy of span data: scalars and short arrays of scalars, long strings cut. */
export function boundedData(source: JsonObject | undefined): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  if (source === undefined) return out;
  let kept = 0;
  for (const [key, value] of Object.entries(source)) {
    if (kept >= MAX_DATA_KEYS) break;
    const bounded = boundedValue(value);
    if (bounded === undefined) continue;
    out[key.slice(0, 200)] = bounded;
    kept++;
  }
  return out;
}

function boundedValue(value: JsonValue | undefined): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.length > MAX_DATA_STRING ? value.slice(0, MAX_DATA_STRING) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.slice(0, 20).map(boundedValue);
    return items.every((v) => v !== undefined && (v === null || typeof v !== 'object')) ? (items as JsonValue[]) : undefined;
  }
  return undefined;
}

/** v2 attributes are `{value, type}`; older drafts and legacy spans send plain values. */
export function unwrapAttributes(attributes: unknown): JsonObject {
  const out: JsonObject = {};
  if (!isJsonObject(attributes)) return out;
  for (const [key, raw] of Object.entries(attributes)) {
    out[key] = isJsonObject(raw) && 'value' in raw ? raw.value : raw;
  }
  return out;
}

export interface TimedSpan {
  start: number;
  end: number;
  durationMs: number;
}

/** Start and end of a span, or why it has none that makes sense. */
export function spanTimes(startValue: unknown, endValue: unknown): TimedSpan | { reason: string } {
  const start = secondsOf(startValue);
  const end = secondsOf(endValue);
  if (start === null) return { reason: 'start_timestamp is missing or not a timestamp' };
  if (end === null) return { reason: 'timestamp is missing or not a timestamp' };
  if (end < start) return { reason: 'timestamp is before start_timestamp' };
  const durationMs = (end - start) * 1000;
  if (durationMs > MAX_DURATION_MS) return { reason: 'duration exceeds 7 days' };
  return { start, end, durationMs };
}

/**
 * Makes the parent links a forest: a span whose chain of parents returns to itself is cut
 * loose from its parent (a note each), so trace trees and self times never loop. Linear: each
 * span's chain is walked once, remembering spans already proven to end at a root.
 */
export function breakParentCycles<T extends { spanId: string; parentSpanId: string | null }>(spans: T[], notes: SpanNote[]): T[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cut = new Set<string>();
  for (const span of spans) {
    const path: T[] = [];
    let current: T | undefined = span;
    while (current !== undefined && state.get(current.spanId) === undefined) {
      state.set(current.spanId, 'visiting');
      path.push(current);
      current = current.parentSpanId === null ? undefined : byId.get(current.parentSpanId);
    }
    if (current !== undefined && state.get(current.spanId) === 'visiting') cut.add(current.spanId);
    for (const visited of path) state.set(visited.spanId, 'done');
  }
  if (cut.size === 0) return spans;
  return spans.map((s) => {
    if (!cut.has(s.spanId)) return s;
    notes.push({ type: 'replaced', spanId: s.spanId, detail: 'parent_span_id formed a cycle; the span was made a root' });
    return { ...s, parentSpanId: null };
  });
}

/** A span without its exclusive time yet (computed once the batch is complete). */
export type DraftSpan = Omit<Span, 'exclusiveTimeMs'> & { exclusiveTimeMs: number };
