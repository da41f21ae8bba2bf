// Test support (not a test): the real @sentry/node 11 captures of requests to an Express app
// and a batch job (packages/server/test-fixtures/sentry-node-11.12.0/), replayed through the real
// ingest endpoint, and what the SDK sent, read from the same captures, as the trace a correct
// server must show: spans nested by parent id, each with its duration and the errors it holds.
import assert from 'node:assert/strict';
import { isJsonObject, type JsonObject } from '@faultline/protocol';
import { type IngestCapture, loadIngestCaptures, replayCapture } from '../../ingest/captures.test-support.js';
import { capturedEvent } from '../../process/normalize/sdk-events.test-support.js';
import type { TestServer } from '../../testing/index.js';
import { capturedSpanItems } from '../spans/captured-span-items.test-support.js';

const DIR = 'sentry-node-11.12.0';

/** Captures by trace: three requests of one client trace (one fails), and a job whose error is on its segment span. */
export const TRACES = {
  /** traceLifecycle 'static': GET /ok, GET /users/17 (500, error 012 in its handler span), GET /ok */
  staticRequests: { trace: 'bb14f9a0334c4594b16028a527838693', spans: ['010', '011', '013'], errors: ['012'] },
  /** streamed (the default): the same three requests as one span container */
  streamedRequests: { trace: '75a3b63583fb4a14a913d828fd1c3ad4', spans: ['007'], errors: ['006'] },
  /** 'static': a `process-batch` task with a db.query and a function span; the error is on the task itself */
  staticJob: { trace: '28ba5b1f510c4e5da861f6cb81c14c94', spans: ['019'], errors: ['021'] },
  /** streamed: the same job */
  streamedJob: { trace: '7fd4064d7b3d4abeb0cc1cb359a9a9d3', spans: ['016'], errors: ['018'] },
} as const;

export type TraceCase = (typeof TRACES)[keyof typeof TRACES];

/** After the last capture's `sent_at`: nothing is shifted for clock drift or age, so timestamps stay as sent. */
export const CAPTURE_TIME = Date.parse('2026-11-21T15:31:00Z');

function fileOf(prefix: string): string {
  const capture = loadIngestCaptures().find((c) => c.name.startsWith(`${DIR}/${prefix}-`));
  assert.ok(capture, `no capture ${DIR}/${prefix}-*`);
  return capture.name;
}

/** Replays the captures as the SDK sent them, authenticated with `publicKey` (the captures' own key by default). */
export async function replayCaptures(server: TestServer, prefixes: readonly string[], projectId: number, publicKey = 'publickey'): Promise<void> {
  const all = loadIngestCaptures();
  for (const prefix of prefixes) {
    const capture = all.find((c) => c.name === fileOf(prefix)) as IngestCapture;
    const keyed = { ...capture, url: capture.url.replace('sentry_key=publickey', `sentry_key=${publicKey}`) };
    const res = await replayCapture(keyed, { baseUrl: server.url, projectId });
    assert.equal(res.status, 200, `${capture.name}: ${res.status} ${res.body}`);
  }
}

/** One span as the SDK sent it. */
export interface SentSpan {
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly start: number;
  readonly end: number;
  readonly op: string;
  readonly description: string;
  readonly isSegment: boolean;
  /** the transaction event that carried it (static lifecycle only) */
  readonly eventId: string | null;
}

const num = (v: unknown): number => {
  assert.equal(typeof v, 'number');
  return v as number;
};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const attr = (attributes: unknown, key: string): string => {
  const a = isJsonObject(attributes) ? attributes[key] : undefined;
  return isJsonObject(a) ? str(a.value) : '';
};

/** Every span the captures carry: a transaction's root (its trace context) and children, or a container's items. */
export function sentSpans(prefixes: readonly string[]): SentSpan[] {
  return spansOfItems(prefixes.flatMap((prefix) => capturedSpanItems(fileOf(prefix))));
}

/** The spans of `transaction` and `span` items as an SDK sent them (other items are skipped). */
export function spansOfItems(items: readonly { type: string; payload: JsonObject }[]): SentSpan[] {
  const out: SentSpan[] = [];
  for (const item of items) {
    if (item.type === 'transaction') {
      const p = item.payload;
      const trace = (p.contexts as JsonObject).trace as JsonObject;
      const eventId = str(p.event_id);
      out.push({
        spanId: str(trace.span_id),
        parentSpanId: str(trace.parent_span_id) || null,
        start: num(p.start_timestamp),
        end: num(p.timestamp),
        op: str(trace.op),
        description: str(p.transaction),
        isSegment: true,
        eventId,
      });
      for (const s of p.spans as JsonObject[]) {
        out.push({
          spanId: str(s.span_id),
          parentSpanId: str(s.parent_span_id) || null,
          start: num(s.start_timestamp),
          end: num(s.timestamp),
          op: str(s.op),
          description: str(s.description),
          isSegment: false,
          eventId,
        });
      }
    } else if (item.type === 'span') {
      for (const s of item.payload.items as JsonObject[]) {
        out.push({
          spanId: str(s.span_id),
          parentSpanId: str(s.parent_span_id) || null,
          start: num(s.start_timestamp),
          end: num(s.end_timestamp),
          op: attr(s.attributes, 'sentry.op'),
          description: str(s.name),
          isSegment: s.is_segment === true,
          eventId: null,
        });
      }
    }
  }
  return out;
}

/** An error capture's event id and the span it says it happened in. */
export function sentError(prefix: string): { eventId: string; spanId: string; traceId: string; transaction: string } {
  const payload = capturedEvent(fileOf(prefix)).payload;
  const trace = (payload.contexts as JsonObject).trace as JsonObject;
  return { eventId: str(payload.event_id), spanId: str(trace.span_id), traceId: str(trace.trace_id), transaction: str(payload.transaction) };
}

/** The shape a tree is compared in: ids, start, duration, children by start, error ids. */
export interface Shape {
  id: string;
  /** epoch seconds */
  start: number;
  /** ms */
  duration: number;
  errors: string[];
  children: Shape[];
}

/** The tree the sent spans make, with each error under the span it names; spans whose parent was not sent are roots. */
export function expectedShape(spans: readonly SentSpan[], errors: readonly { eventId: string; spanId: string }[]): Shape[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const build = (s: SentSpan): Shape => ({
    id: s.spanId,
    start: s.start,
    duration: (s.end - s.start) * 1000,
    errors: errors.filter((e) => e.spanId === s.spanId).map((e) => e.eventId),
    children: spans
      .filter((c) => c.parentSpanId === s.spanId)
      .sort((a, b) => a.start - b.start)
      .map(build),
  });
  return spans
    .filter((s) => s.parentSpanId === null || !ids.has(s.parentSpanId))
    .sort((a, b) => a.start - b.start)
    .map(build);
}

export interface SpanNodeJson {
  event_type: string;
  event_id: string;
  start_timestamp: number;
  duration: number;
  children: SpanNodeJson[];
  errors: { event_id: string }[];
}

/** The API's span nodes in the same shape. */
export function shapeOf(nodes: readonly SpanNodeJson[]): Shape[] {
  return nodes
    .filter((n) => n.event_type === 'span')
    .map((n) => ({ id: n.event_id, start: n.start_timestamp, duration: n.duration, errors: n.errors.map((e) => e.event_id), children: shapeOf(n.children) }));
}

/**
 * Same ids, nesting, order and errors; times equal to a microsecond (the API rounds durations to
 * µs, and float seconds of this size carry about that much noise).
 */
export function assertSameTree(actual: readonly Shape[], expected: readonly Shape[], path = 'trace'): void {
  assert.deepEqual(
    actual.map((n) => n.id),
    expected.map((n) => n.id),
    `${path}: span ids in order`,
  );
  for (const [i, e] of expected.entries()) {
    const a = actual[i] as Shape;
    const here = `${path} > ${e.id}`;
    assert.ok(Math.abs(a.duration - e.duration) <= 0.001, `${here}: duration ${a.duration} ms, the SDK sent ${e.duration} ms`);
    assert.ok(Math.abs(a.start - e.start) <= 1e-6, `${here}: start ${a.start}, the SDK sent ${e.start}`);
    assert.deepEqual(a.errors, e.errors, `${here}: errors`);
    assertSameTree(a.children, e.children, here);
  }
}
