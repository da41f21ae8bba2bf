// Test support: spans and batches for the detector tests, with times in milliseconds from the
// segment's start so a test reads like a waterfall.
import type { JsonValue } from '@faultline/protocol';
import type { Segment, Span, SpanBatch } from '../spans/index.js';

export const TRACE_ID = 'a'.repeat(32);
export const ROOT_ID = 'root000000000000';
const T0 = 1_795_275_000;

export interface SpanSpec {
  readonly id: string;
  readonly parent?: string | null;
  readonly op: string;
  readonly description?: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly data?: Record<string, JsonValue>;
}

export function span(spec: SpanSpec): Span {
  const start = T0 + spec.startMs / 1000;
  return {
    traceId: TRACE_ID,
    spanId: spec.id,
    parentSpanId: spec.parent === undefined ? ROOT_ID : spec.parent,
    segmentId: ROOT_ID,
    isSegment: spec.id === ROOT_ID,
    op: spec.op,
    description: spec.description ?? '',
    status: 'ok',
    start,
    end: start + spec.durationMs / 1000,
    durationMs: spec.durationMs,
    exclusiveTimeMs: spec.durationMs,
    data: spec.data ?? {},
  };
}

/** `count` spans one after the other from `startMs`, each `durationMs` long with `gapMs` between. */
export function sequence(count: number, startMs: number, durationMs: number, make: (i: number) => Omit<SpanSpec, 'startMs' | 'durationMs'>, gapMs = 1): Span[] {
  return Array.from({ length: count }, (_, i) => span({ ...make(i), startMs: startMs + i * (durationMs + gapMs), durationMs }));
}

export interface BatchOptions {
  readonly name?: string;
  readonly rootOp?: string;
  readonly sdkName?: string | null;
  readonly rootDurationMs?: number;
}

/** A whole segment: a root span (the transaction) named `name`, plus `spans`. */
export function segmentBatch(spans: readonly Span[], options: BatchOptions = {}): SpanBatch {
  const name = options.name ?? 'GET /users/:id';
  const root = span({
    id: ROOT_ID,
    parent: null,
    op: options.rootOp ?? 'http.server',
    description: name,
    startMs: 0,
    durationMs: options.rootDurationMs ?? 60_000,
  });
  const segment: Segment = {
    span: root,
    name,
    source: 'route',
    httpMethod: 'GET',
    httpStatusCode: 200,
    release: null,
    environment: null,
    user: null,
    platform: 'node',
    sdkName: options.sdkName === undefined ? 'sentry.javascript.node' : options.sdkName,
    sampleRate: 1,
    eventId: 'e'.repeat(32),
    measurements: {},
  };
  return { traceId: TRACE_ID, segmentId: ROOT_ID, segment, segmentName: name, spans: [root, ...spans] };
}

/** `count` sequential `GET url` client calls of `durationMs`, 1 ms apart, ids `${prefix}${i}`. */
export function consecutiveHttpCalls(count: number, startMs: number, durationMs: number, url: string, { prefix = 'h', parent = ROOT_ID } = {}): Span[] {
  return sequence(count, startMs, durationMs, (i) => ({ id: `${prefix}${i}`, parent, op: 'http.client', description: `GET ${url}` }));
}
