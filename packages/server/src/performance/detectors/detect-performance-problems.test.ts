import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { capturedSpanItems } from '../spans/captured-span-items.test-support.js';
import { type Span, type SpanBatch, spansFromSpanItem, spansFromTransaction } from '../spans/index.js';
import { consecutiveHttpCalls, segmentBatch, sequence, span } from './detector-spans.test-support.js';
import { detectPerformanceProblems, PERFORMANCE_GROUP_TYPES } from './index.js';

const FIXTURES = new URL('../../../test-fixtures/', import.meta.url);

/** Every segment of every real SDK capture that carries spans. */
function capturedBatches(): { file: string; batch: SpanBatch }[] {
  const out: { file: string; batch: SpanBatch }[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(new URL(`${dir.name}/`, FIXTURES))) {
      if (!/envelope-(span|transaction)\.txt$/.test(name)) continue;
      const file = `${dir.name}/${name}`;
      for (const item of capturedSpanItems(file)) {
        const result =
          item.type === 'transaction' ? spansFromTransaction(item.payload, item.envelopeTrace) : spansFromSpanItem(item.payload, item.envelopeTrace);
        assert.ok(result.ok, file);
        for (const batch of result.batches) out.push({ file, batch });
      }
    }
  }
  return out;
}

describe('performance problems of a segment', () => {
  it('the real SDK captures (browser, node 8 and 11, python) hold no problem', () => {
    const batches = capturedBatches();
    assert.ok(batches.length >= 15, `only ${batches.length} captured segments`);
    assert.ok(
      batches.some(({ batch }) => batch.spans.some((s) => s.op === 'db.query')),
      'the captures include database spans',
    );
    for (const { file, batch } of batches) assert.deepEqual(detectPerformanceProblems(batch), [], file);
  });

  it('a real @sentry/node segment with its query followed by a loop of lookups is an N+1', () => {
    const captured = capturedBatches().find(({ file, batch }) => file.startsWith('sentry-node-11') && batch.spans.some((s) => s.op === 'db.query'));
    assert.ok(captured);
    const { batch } = captured;
    const query = batch.spans.find((s) => s.op === 'db.query');
    assert.ok(query?.parentSpanId);
    // the loop runs right after the captured query, under the same parent, with the SDK's op
    const loop: Span[] = Array.from({ length: 6 }, (_, i) => ({
      ...query,
      spanId: `loop${i}`.padEnd(16, '0'),
      description: `SELECT * FROM items WHERE order_id = ${i + 1}`,
      start: query.end + i * 0.012,
      end: query.end + i * 0.012 + 0.01,
      durationMs: 10,
    }));
    const spans = [...batch.spans.filter((s) => s.op !== 'function'), ...loop];
    const problems = detectPerformanceProblems({ ...batch, spans });
    assert.deepEqual(
      problems.map((p) => [p.title, p.culprit, p.causeSpanIds, p.offenderSpanIds.length]),
      [['N+1 Query', 'process-batch', [query.spanId], 6]],
    );
  });

  it('2,000 spans: a 998-query loop and 999 sequential calls are found whole', () => {
    const handler = span({ id: 'handler', op: 'function', description: 'sync', startMs: 0, durationMs: 700_000 });
    const source = span({ id: 'source', parent: 'handler', op: 'db.sql.query', description: 'SELECT id FROM accounts', startMs: 1, durationMs: 2 });
    const loop = sequence(998, 5, 2, (i) => ({
      id: `q${i}`,
      parent: 'handler',
      op: 'db.sql.query',
      description: `SELECT * FROM ledger WHERE account_id = ${i}`,
    }));
    const calls = consecutiveHttpCalls(999, 3000, 600, 'https://bank.example.com/accounts/7/balance', { parent: 'handler' });
    const batch = segmentBatch([handler, source, ...loop, ...calls], { name: 'POST /sync' });
    assert.equal(batch.spans.length, 2000);
    const problems = detectPerformanceProblems(batch);
    assert.deepEqual(
      problems.map((p) => [p.type, p.offenderSpanIds.length]),
      [
        [PERFORMANCE_GROUP_TYPES.nPlusOneDbQueries.type, 998],
        [PERFORMANCE_GROUP_TYPES.consecutiveHttp.type, 999],
      ],
    );
    assert.deepEqual(
      problems[0]?.offenderSpanIds,
      loop.map((s) => s.spanId),
    );
  });

  it('2,000 queries started together are no loop', () => {
    const handler = span({ id: 'handler', op: 'function', description: 'sync', startMs: 0, durationMs: 5000 });
    const source = span({ id: 'source', parent: 'handler', op: 'db', description: 'SELECT id FROM accounts', startMs: 1, durationMs: 2 });
    const parallel = Array.from({ length: 1997 }, (_, i) =>
      span({ id: `p${i}`, parent: 'handler', op: 'db', description: `SELECT * FROM ledger WHERE account_id = ${i}`, startMs: 10, durationMs: 40 }),
    );
    const batch = segmentBatch([handler, source, ...parallel]);
    assert.equal(batch.spans.length, 2000);
    assert.deepEqual(detectPerformanceProblems(batch), []);
  });

  it('leaves the batch as it was, and each detector can be switched off', () => {
    const handler = span({ id: 'handler', op: 'function', description: 'x', startMs: 0, durationMs: 9000 });
    const spans = [
      handler,
      span({ id: 'source', parent: 'handler', op: 'db', description: 'SELECT 1', startMs: 0, durationMs: 1 }),
      ...sequence(5, 2, 20, (i) => ({ id: `q${i}`, parent: 'handler', op: 'db', description: `SELECT * FROM t WHERE id = ${i}` })),
      span({ id: 'slow', op: 'db', description: 'SELECT * FROM big', startMs: 200, durationMs: 900 }),
      ...consecutiveHttpCalls(3, 1200, 1000, 'https://api.example.com/x'),
    ];
    const batch = segmentBatch(spans);
    const before = structuredClone(batch);
    assert.deepEqual(
      detectPerformanceProblems(batch).map((p) => p.typeName),
      ['performance_n_plus_one_db_queries', 'performance_slow_db_query', 'performance_consecutive_http'],
    );
    assert.deepEqual(batch, before);
    const off = { nPlusOneDbQueries: { enabled: false }, slowDbQuery: { enabled: false }, consecutiveHttp: { enabled: false } };
    assert.deepEqual(detectPerformanceProblems(batch, off), []);
  });
});
