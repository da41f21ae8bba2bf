import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../spans/index.js';
import { segmentBatch, sequence, span } from './detector-spans.test-support.js';
import { detectNPlusOneDbQueries } from './n-plus-one-db-queries.js';
import { DEFAULT_DETECTOR_SETTINGS, resolveDetectorSettings } from './settings.js';

const SETTINGS = DEFAULT_DETECTOR_SETTINGS.nPlusOneDbQueries;
const handler = span({ id: 'handler', op: 'function', description: 'listOrders', startMs: 0, durationMs: 2000 });
const source = span({ id: 'source', parent: 'handler', op: 'db.query', description: 'SELECT * FROM users WHERE id = $1', startMs: 5, durationMs: 10 });

/** `count` sequential order queries under `handler`, one per user id, from `startMs`. */
function orderQueries(count: number, { startMs = 20, durationMs = 10, prefix = 'q', userIdBase = 100 } = {}): Span[] {
  return sequence(count, startMs, durationMs, (i) => ({
    id: `${prefix}${i}`,
    parent: 'handler',
    op: 'db.query',
    description: `SELECT * FROM orders WHERE user_id = ${userIdBase + i}`,
  }));
}

function detect(spans: Span[], name?: string, settings = SETTINGS) {
  return detectNPlusOneDbQueries(segmentBatch(spans, { name }), settings);
}

describe('N+1 DB queries', () => {
  it('a source query then ten sequential queries of one statement under one parent is one problem with ten offenders', () => {
    const loop = orderQueries(10);
    const problems = detect([handler, source, ...loop]);
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.ok(problem);
    assert.equal(problem.type, 1006);
    assert.equal(problem.typeName, 'performance_n_plus_one_db_queries');
    assert.equal(problem.title, 'N+1 Query');
    assert.equal(problem.culprit, 'GET /users/:id');
    assert.deepEqual(
      problem.offenderSpanIds,
      loop.map((s) => s.spanId),
    );
    assert.deepEqual(problem.causeSpanIds, ['source']);
    assert.deepEqual(problem.parentSpanIds, ['handler']);
    assert.match(problem.fingerprint, /^[0-9a-f]{40}$/);
    assert.deepEqual(problem.evidenceData, {
      transactionName: 'GET /users/:id',
      op: 'db',
      parentSpan: 'function - listOrders',
      parentSpanIds: ['handler'],
      causeSpanIds: ['source'],
      offenderSpanIds: loop.map((s) => s.spanId),
      repeatingSpans: 'db.query - SELECT * FROM orders WHERE user_id = 100',
      repeatingSpansCompact: 'SELECT * FROM orders WHERE user_id = 100',
      numberRepeatingSpans: '10',
      numPatternRepetitions: 10,
    });
    assert.deepEqual(problem.evidenceDisplay, [{ name: 'Offending Spans', value: 'db - SELECT * FROM orders WHERE user_id = 100', important: true }]);
  });

  it('the same queries run in parallel are not a loop', () => {
    const parallel = Array.from({ length: 10 }, (_, i) =>
      span({ id: `p${i}`, parent: 'handler', op: 'db.query', description: `SELECT * FROM orders WHERE user_id = ${i}`, startMs: 20, durationMs: 30 }),
    );
    assert.deepEqual(detect([handler, source, ...parallel]), []);
  });

  it('ten different statements are not a loop', () => {
    const different = sequence(10, 20, 10, (i) => ({ id: `d${i}`, parent: 'handler', op: 'db.query', description: `SELECT * FROM table_${'abcdefghij'[i]}` }));
    assert.deepEqual(detect([handler, source, ...different]), []);
  });

  it('needs a different query before the run (the source): a run alone is not reported', () => {
    assert.deepEqual(detect([handler, ...orderQueries(10)]), []);
  });

  it('needs five repeats (Sentry default) and a settings override changes that', () => {
    assert.deepEqual(detect([handler, source, ...orderQueries(4)]), []);
    assert.equal(detect([handler, source, ...orderQueries(5)]).length, 1);
    const three = resolveDetectorSettings({ nPlusOneDbQueries: { minRepeatingSpans: 3 } }).nPlusOneDbQueries;
    assert.deepEqual(detect([handler, source, ...orderQueries(3, { durationMs: 20 })]), [], 'three repeats are too few by default');
    assert.equal(detect([handler, source, ...orderQueries(3, { durationMs: 20 })], undefined, three).length, 1);
  });

  it('needs 50 ms in the repeats together', () => {
    assert.deepEqual(detect([handler, source, ...orderQueries(5, { durationMs: 9.5 })]), []);
    assert.equal(detect([handler, source, ...orderQueries(5, { durationMs: 10 })]).length, 1);
  });

  it('ignores caches and connection set-up that report as databases', () => {
    const redisOp = sequence(10, 20, 10, (i) => ({ id: `r${i}`, parent: 'handler', op: 'db.redis', description: `GET user:${i}` }));
    const redisSystem = sequence(10, 20, 10, (i) => ({
      id: `s${i}`,
      parent: 'handler',
      op: 'db',
      description: `GET user:${i}`,
      data: { 'db.system': 'redis' },
    }));
    const cacheOp = sequence(10, 20, 10, (i) => ({ id: `c${i}`, parent: 'handler', op: 'cache.get', description: `user:${i}` }));
    for (const loop of [redisOp, redisSystem, cacheOp]) assert.deepEqual(detect([handler, source, ...loop]), []);
  });

  it('a non-query sibling between the queries ends the run', () => {
    const first = orderQueries(3, { startMs: 20 });
    const call = span({ id: 'http', parent: 'handler', op: 'http.client', description: 'GET https://api.example.com/x', startMs: 60, durationMs: 5 });
    const second = orderQueries(4, { startMs: 70, prefix: 'r' });
    assert.deepEqual(detect([handler, source, ...first, call, ...second]), []);
  });

  it('repeats must share the parent of the source query', () => {
    const other = span({ id: 'other', op: 'function', description: 'other', startMs: 0, durationMs: 2000 });
    const split = [
      ...orderQueries(3),
      ...sequence(3, 60, 10, (i) => ({ id: `o${i}`, parent: 'other', op: 'db.query', description: `SELECT * FROM orders WHERE user_id = ${i}` })),
    ];
    assert.deepEqual(detect([handler, other, source, ...split]), []);
  });

  it('does not trust queries an SDK truncated', () => {
    const truncated = sequence(10, 20, 10, (i) => ({
      id: `t${i}`,
      parent: 'handler',
      op: 'db.query',
      description: `SELECT a, b, c FROM orders WHERE user_id = ${i} AND ...`,
    }));
    assert.deepEqual(detect([handler, source, ...truncated]), []);
  });

  it('a run of connection checkouts is not a loop of queries', () => {
    const connects = sequence(10, 20, 10, (i) => ({ id: `k${i}`, parent: 'handler', op: 'db', description: 'pg-pool.connect', data: { n: i } }));
    assert.deepEqual(detect([handler, source, ...connects]), []);
  });

  it('back-to-back loops: the last query of one is the source of the next', () => {
    const orders = orderQueries(5);
    const items = sequence(6, 100, 10, (i) => ({ id: `i${i}`, parent: 'handler', op: 'db.query', description: `SELECT * FROM items WHERE order_id = ${i}` }));
    const problems = detect([handler, source, ...orders, ...items]);
    assert.equal(problems.length, 2);
    assert.deepEqual(problems[0]?.causeSpanIds, ['source']);
    assert.deepEqual(problems[1]?.causeSpanIds, ['q4']);
    assert.deepEqual(
      problems[1]?.offenderSpanIds,
      items.map((s) => s.spanId),
    );
  });

  it('the same loop twice in one segment is one problem, with the first loop as evidence', () => {
    const call = span({ id: 'http', parent: 'handler', op: 'http.client', description: 'GET https://api.example.com/x', startMs: 200, durationMs: 5 });
    const again = span({ id: 'source2', parent: 'handler', op: 'db.query', description: 'SELECT * FROM users WHERE id = $1', startMs: 210, durationMs: 10 });
    const problems = detect([handler, source, ...orderQueries(5), call, again, ...orderQueries(5, { startMs: 230, prefix: 'r' })]);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0]?.offenderSpanIds, ['q0', 'q1', 'q2', 'q3', 'q4']);
  });

  it('fingerprint: the same route with other ids and parameters is the same problem; another route or statement is not', () => {
    const fingerprint = (spans: Span[], name?: string) => {
      const [problem] = detect(spans, name);
      assert.ok(problem);
      return problem.fingerprint;
    };
    const base = fingerprint([handler, source, ...orderQueries(10)]);
    const otherRequest = fingerprint([handler, source, ...orderQueries(7, { prefix: 'x', userIdBase: 9000, startMs: 40, durationMs: 12 })]);
    assert.equal(otherRequest, base);
    assert.notEqual(fingerprint([handler, source, ...orderQueries(10)], 'GET /teams/:id'), base);
    const items = sequence(10, 20, 10, (i) => ({ id: `i${i}`, parent: 'handler', op: 'db.query', description: `SELECT * FROM items WHERE order_id = ${i}` }));
    assert.notEqual(fingerprint([handler, source, ...items]), base);
  });
});

it('a pool handing out a connection before each query of the loop does not hide the N+1 (node-postgres)', () => {
  const spans: Span[] = [
    handler,
    span({ id: 'first', parent: 'handler', op: 'db', description: 'SELECT ? AS id, $1::text AS name', startMs: 5, durationMs: 5 }),
  ];
  for (let i = 0; i < 8; i++) {
    const at = 12 + i * 11;
    spans.push(span({ id: `connect${i}`, parent: 'handler', op: 'db', description: 'pg-pool.connect', startMs: at, durationMs: 1.5 }));
    spans.push(
      span({ id: `loop${i}`, parent: 'handler', op: 'db', description: 'SELECT $1::int AS id, pg_sleep(?) AS waited', startMs: at + 1, durationMs: 9 }),
    );
  }
  const problems = detect(spans);
  assert.equal(problems.length, 1);
  assert.deepEqual(
    problems[0]?.offenderSpanIds,
    Array.from({ length: 8 }, (_, i) => `loop${i}`),
  );
});

it('millisecond-rounded starts (@sentry/node 8) that seem to begin 0.3 ms early are still one after the other; a real overlap is not', () => {
  const loop = (overlapMs: number) =>
    Array.from({ length: 6 }, (_, i) =>
      span({
        id: `r${i}`,
        parent: 'handler',
        op: 'db',
        description: `SELECT * FROM orders WHERE id = ${i}`,
        startMs: 20 + i * (12 - overlapMs),
        durationMs: 12,
      }),
    );
  assert.equal(detect([handler, source, ...loop(0.3)]).length, 1);
  assert.equal(detect([handler, source, ...loop(5)]).length, 0);
});
