import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { capturedSpanItems } from './captured-span-items.test-support.js';
import { MAX_SPANS_PER_ITEM, type SpanItemResult, spansFromSpanItem, spansFromTransaction } from './index.js';

function parse(file: string): SpanItemResult[] {
  return capturedSpanItems(file).map((item) =>
    item.type === 'transaction' ? spansFromTransaction(item.payload, item.envelopeTrace) : spansFromSpanItem(item.payload, item.envelopeTrace),
  );
}

function ok(result: SpanItemResult | undefined): Extract<SpanItemResult, { ok: true }> {
  assert.ok(result?.ok, `not ok: ${JSON.stringify(result)}`);
  return result;
}

describe('spans from real SDK items', () => {
  it('a @sentry/node 11 streamed container holds three request segments with their children', () => {
    const [result] = parse('sentry-node-11.12.0/007-express--envelope-span.txt');
    const { batches } = ok(result);
    const segments = batches.map((b) => b.segment).filter((s) => s !== null);
    assert.deepEqual(segments.map((s) => s.name).sort(), ['GET /ok', 'GET /ok', 'GET /users/:id']);
    assert.equal(
      batches.reduce((n, b) => n + b.spans.length, 0),
      12,
    );
    const failing = segments.find((s) => s.name === 'GET /users/:id');
    assert.ok(failing);
    assert.equal(failing.span.status, 'internal_error', 'v2 "error" + status message internal_error');
    assert.equal(failing.httpStatusCode, 500);
    assert.equal(failing.httpMethod, 'GET');
    assert.equal(failing.release, 'myapp@1.2.3');
    assert.equal(failing.environment, 'production');
    assert.equal(failing.source, 'route');
    assert.equal(failing.sampleRate, 1);
    assert.equal(failing.span.op, 'http.server');
    const okSegment = segments.find((s) => s.name === 'GET /ok');
    assert.equal(okSegment?.span.status, 'ok');
  });

  it('a @sentry/node 8 transaction becomes its segment span plus children, with self times that add up', () => {
    const [result] = parse('sentry-node-8.55.2/015-spans--envelope-transaction.txt');
    const { batches } = ok(result);
    const [batch] = batches;
    assert.ok(batch?.segment);
    assert.equal(batch.spans.length, 3, 'the transaction and its two child spans');
    const segment = batch.segment;
    assert.equal(segment.span.isSegment, true);
    assert.ok(segment.eventId?.match(/^[0-9a-f]{32}$/));
    // The segment's self time is its duration minus what its children cover.
    const children = batch.spans.filter((s) => s.parentSpanId === segment.span.spanId);
    assert.ok(children.length > 0);
    assert.ok(segment.span.exclusiveTimeMs <= segment.span.durationMs);
    for (const span of batch.spans) assert.ok(span.exclusiveTimeMs >= 0 && span.exclusiveTimeMs <= span.durationMs + 1e-9);
  });

  it('transactions from python and browser pageload spans parse, with web vitals as measurements', () => {
    for (const file of ['sentry-python-1.9.10/003-transaction--envelope-transaction.txt', 'sentry-node-11.12.0/010-express-static--envelope-transaction.txt']) {
      for (const result of parse(file)) assert.ok(ok(result).batches[0]?.segment, file);
    }
    const [pageload] = parse('sentry-browser-11.12.0/002-default--envelope-span.txt');
    const segment = ok(pageload).batches.find((b) => b.segment !== null)?.segment;
    assert.equal(segment?.span.op, 'pageload');
    assert.equal(typeof segment?.measurements.fcp?.value, 'number');
    assert.equal(segment?.measurements.fcp?.unit, 'millisecond');
  });

  it('a streamed browser page load named by the SDK\'s fallback "Pageload" takes its path, as a v1 transaction is named', () => {
    const [pageload] = parse('sentry-browser-11.12.0/002-default--envelope-span.txt');
    const batches = ok(pageload).batches;
    const segment = batches.find((b) => b.segment !== null)?.segment;
    assert.equal(segment?.span.description, 'Pageload', 'what the SDK sent as the name');
    assert.equal(segment?.source, 'url');
    assert.equal(segment?.name, '/');
    for (const batch of batches) assert.equal(batch.segmentName, '/');
  });
});

const TRACE = 'a'.repeat(32);
const id = (n: number) => n.toString(16).padStart(16, '0');

function transaction(spans: unknown[], extra: JsonObject = {}): JsonObject {
  return {
    type: 'transaction',
    transaction: 'GET /checkout',
    start_timestamp: 1000,
    timestamp: 1001,
    contexts: { trace: { trace_id: TRACE, span_id: id(1), op: 'http.server', status: 'ok' } },
    spans: spans as JsonObject[],
    ...extra,
  };
}

describe('spans: bad input', () => {
  it('a transaction without a trace context, or with bad ids, or ending before it starts, is invalid', () => {
    const { contexts: _c, ...noTrace } = transaction([]);
    assert.deepEqual(spansFromTransaction(noTrace, undefined), { ok: false, reason: 'missing_trace_context', notes: [] });
    const badIds = transaction([], { contexts: { trace: { trace_id: 'nope', span_id: id(1) } } });
    assert.equal(spansFromTransaction(badIds, undefined).ok, false);
    const backwards = transaction([], { timestamp: 999 });
    const r = spansFromTransaction(backwards, undefined);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /before start_timestamp/);
  });

  it('bad child spans are dropped with a note while the good ones still count', () => {
    const spans = [
      { span_id: id(2), parent_span_id: id(1), op: 'db', description: 'SELECT 1', start_timestamp: 1000.1, timestamp: 1000.2 },
      { span_id: id(3), parent_span_id: id(1), op: 'db', start_timestamp: 1000.5, timestamp: 1000.4 },
      { span_id: 'xyz', op: 'db', start_timestamp: 1000, timestamp: 1000.1 },
      { span_id: id(4), op: 'db', start_timestamp: 1000, timestamp: 1000 + 8 * 24 * 3600 },
      'not a span',
      { span_id: id(2), op: 'db', start_timestamp: 1000.1, timestamp: 1000.2 },
    ];
    const result = ok(spansFromTransaction(transaction(spans), undefined));
    assert.equal(result.droppedSpans, 5);
    assert.equal(result.batches[0]?.spans.length, 2);
    assert.equal(result.notes.length, 5);
    assert.ok(result.notes.some((n) => n.detail.includes('before start_timestamp')));
    assert.ok(result.notes.some((n) => n.detail.includes('7 days')));
  });

  it('caps 10,000 spans at the per-item limit with one note', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => ({
      span_id: id(i + 2),
      parent_span_id: id(1),
      op: 'db',
      description: 'q',
      start_timestamp: 1000,
      timestamp: 1000.001,
    }));
    const result = ok(spansFromTransaction(transaction(spans), undefined));
    assert.equal(result.batches[0]?.spans.length, MAX_SPANS_PER_ITEM + 1);
    assert.equal(result.droppedSpans, 10_000 - MAX_SPANS_PER_ITEM);
    assert.equal(result.notes.filter((n) => n.type === 'trimmed').length, 1);
  });

  it('a cycle of parent ids is cut, so every span still reaches a root', () => {
    const spans = [
      { span_id: id(2), parent_span_id: id(3), op: 'a', start_timestamp: 1000, timestamp: 1000.5 },
      { span_id: id(3), parent_span_id: id(4), op: 'b', start_timestamp: 1000, timestamp: 1000.5 },
      { span_id: id(4), parent_span_id: id(2), op: 'c', start_timestamp: 1000, timestamp: 1000.5 },
    ];
    const result = ok(spansFromTransaction(transaction(spans), undefined));
    const all = result.batches[0]?.spans ?? [];
    const byId = new Map(all.map((s) => [s.spanId, s]));
    for (const span of all) {
      let steps = 0;
      let current: string | null = span.spanId;
      while (current !== null && steps <= all.length) {
        current = byId.get(current)?.parentSpanId ?? null;
        steps++;
      }
      assert.ok(steps <= all.length, `span ${span.spanId} never reaches a root`);
    }
    assert.equal(result.notes.filter((n) => n.detail.includes('cycle')).length, 1);
  });

  it('a v2 item with nothing valid is invalid; a legacy single span is its own segment', () => {
    assert.equal(spansFromSpanItem({ version: 2, items: [{ span_id: 'x' }] }, undefined).ok, false);
    assert.equal(spansFromSpanItem({ hello: 1 }, undefined).ok, false);
    const legacy = ok(
      spansFromSpanItem(
        { span_id: id(9), trace_id: TRACE, op: 'ui.interaction.click', description: 'body > button', start_timestamp: 10, timestamp: 10.2 },
        undefined,
      ),
    );
    assert.equal(legacy.batches[0]?.segment?.name, 'body > button');
    assert.equal(Math.round(legacy.batches[0]?.segment?.span.durationMs ?? 0), 200);
  });
});
