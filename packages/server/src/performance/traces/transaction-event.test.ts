import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { normalizeSpanDescription, type Span, spanGroup } from '../spans/index.js';
import type { PerformanceRepo } from '../store/performance-repo.js';
import { spanOpsBreakdown, transactionEventSpans } from './transaction-event.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const ROOT = 'b7f63ca02333762d';

/** A repository that has stored nothing: the event's own spans are parsed instead. */
const emptyRepo = { batchByEventId: async () => null } as unknown as PerformanceRepo;

const raw = (span_id: string, parent_span_id: string, op: string, description: string, start: number, end: number) => ({
  span_id,
  parent_span_id,
  trace_id: TRACE,
  op,
  description,
  start_timestamp: start,
  timestamp: end,
  same_process_as_parent: true,
});

describe('transactionEventSpans', () => {
  it('adds self time and span group to each child span as sent; a parent’s self time leaves out its children', async () => {
    const doc: JsonObject = {
      event_id: '324ecedd453449978f8f2f3ad8fd3db9',
      type: 'transaction',
      transaction: 'GET /users/:id',
      start_timestamp: 100,
      timestamp: 100.1,
      contexts: { trace: { trace_id: TRACE, span_id: ROOT, op: 'http.server' } },
      spans: [
        raw('1000000000000001', ROOT, 'handler', '/users/:id', 100.01, 100.05),
        raw('1000000000000002', '1000000000000001', 'db.query', 'SELECT * FROM users WHERE id = 17', 100.02, 100.03),
        raw('1000000000000003', '1000000000000001', 'db.query', 'SELECT * FROM users WHERE id = 18', 100.025, 100.035),
      ],
    };
    const { spans, breakdowns } = await transactionEventSpans(emptyRepo, 1, doc);
    assert.deepEqual(
      spans.map((s) => s.span_id),
      ['1000000000000001', '1000000000000002', '1000000000000003'],
    );
    const [handler, q17, q18] = spans;
    // 40 ms, of which the two queries cover 20.02–20.035 s: 15 ms.
    assert.ok(Math.abs((handler?.exclusive_time as number) - 25) < 1e-6, String(handler?.exclusive_time));
    assert.ok(Math.abs((q17?.exclusive_time as number) - 10) < 1e-6);
    assert.equal(q17?.same_process_as_parent, true, 'fields as sent are kept');
    assert.equal(q17?.hash, q18?.hash, 'queries differing only in literals share a group');
    assert.equal(q17?.hash, spanGroup(normalizeSpanDescription('db.query', 'SELECT * FROM users WHERE id = %s')));
    assert.notEqual(handler?.hash, q17?.hash);
    assert.deepEqual(breakdowns.span_ops, { 'ops.db': { value: 15, unit: 'millisecond' }, 'total.time': { value: 15, unit: 'millisecond' } });
  });

  it('a transaction without spans has an empty spans entry and a zero total', async () => {
    const doc: JsonObject = { event_id: 'x', start_timestamp: 1, timestamp: 2, contexts: { trace: { trace_id: TRACE, span_id: ROOT } } };
    assert.deepEqual(await transactionEventSpans(emptyRepo, 1, doc), {
      spans: [],
      breakdowns: { span_ops: { 'total.time': { value: 0, unit: 'millisecond' } } },
    });
  });
});

describe('spanOpsBreakdown', () => {
  const s = (op: string, start: number, end: number) => ({ op, start, end }) as Span;
  it('counts overlapping spans of one family once and sums the families', () => {
    const ops = spanOpsBreakdown([
      s('http.client', 0, 0.01),
      s('http.client', 0.005, 0.02),
      s('db', 0.03, 0.04),
      s('ui.render', 0, 0.001),
      s('function', 0, 1),
    ]);
    assert.deepEqual(Object.keys(ops).sort(), ['ops.db', 'ops.http', 'ops.ui', 'total.time']);
    assert.equal(ops['ops.http']?.value, 20);
    assert.equal(ops['ops.db']?.value, 10);
    assert.equal(ops['total.time']?.value, 31);
  });
});
