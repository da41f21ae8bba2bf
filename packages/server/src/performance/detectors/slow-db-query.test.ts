import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../spans/index.js';
import { segmentBatch, span } from './detector-spans.test-support.js';
import { DEFAULT_DETECTOR_SETTINGS } from './settings.js';
import { detectSlowDbQueries } from './slow-db-query.js';

const SETTINGS = DEFAULT_DETECTOR_SETTINGS.slowDbQuery;

function query(id: string, description: string, durationMs: number, startMs = 10, op = 'db.query'): Span {
  return span({ id, op, description, startMs, durationMs });
}

function detect(spans: Span[], name?: string, settings = SETTINGS) {
  return detectSlowDbQueries(segmentBatch(spans, { name }), settings);
}

describe('slow DB query', () => {
  it('a SELECT of at least 500 ms is one problem with that span as the offender', () => {
    const slow = query('slow', 'SELECT * FROM orders WHERE created_at > $1', 650);
    const problems = detect([query('fast', 'SELECT 1', 3, 0), slow]);
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.ok(problem);
    assert.equal(problem.type, 1001);
    assert.equal(problem.typeName, 'performance_slow_db_query');
    assert.equal(problem.title, 'Slow DB Query');
    assert.equal(problem.subtitle, 'SELECT * FROM orders WHERE created_at > $1');
    assert.equal(problem.culprit, 'GET /users/:id');
    assert.deepEqual(problem.offenderSpanIds, ['slow']);
    assert.deepEqual(problem.parentSpanIds, []);
    assert.deepEqual(problem.causeSpanIds, []);
    assert.equal(problem.evidenceData.repeatingSpans, 'db.query - SELECT * FROM orders WHERE created_at > $1');
    assert.equal(problem.evidenceData.numberRepeatingSpans, '1');
    assert.equal(problem.evidenceData.op, 'db.query');
    assert.deepEqual(problem.evidenceDisplay, [{ name: 'Offending Spans', value: 'db.query - SELECT * FROM orders WHERE created_at > $1', important: true }]);
  });

  it('the threshold is 500 ms, inclusive', () => {
    assert.deepEqual(detect([query('a', 'SELECT * FROM orders', 499.9)]), []);
    assert.equal(detect([query('a', 'SELECT * FROM orders', 500)]).length, 1);
  });

  it('only SELECT statements, complete, on database spans', () => {
    assert.deepEqual(detect([query('w', 'UPDATE orders SET paid = true WHERE id = 1', 900)]), []);
    assert.deepEqual(detect([query('t', 'SELECT a, b, c FROM orders WHERE ...', 900)]), []);
    assert.deepEqual(detect([query('f', 'SELECTION_REPORT()', 900)]), []);
    assert.deepEqual(detect([query('h', 'SELECT * FROM orders', 900, 10, 'http.client')]), []);
    assert.equal(detect([query('l', '  select id from orders', 900, 10, 'db')]).length, 1, 'case and leading space do not matter');
  });

  it('the same statement slow twice is one problem; two statements are two', () => {
    const same = detect([query('a', 'SELECT * FROM orders WHERE id = 1', 700, 0), query('b', 'SELECT * FROM orders WHERE id = 2', 800, 800)]);
    assert.deepEqual(
      same.map((p) => p.offenderSpanIds),
      [['a']],
    );
    const two = detect([query('a', 'SELECT * FROM orders WHERE id = 1', 700, 0), query('b', 'SELECT * FROM users', 800, 800)]);
    assert.equal(two.length, 2);
  });

  it('fingerprint: other parameters on the same route are the same problem; another route is not', () => {
    const [a] = detect([query('a', "SELECT * FROM orders WHERE email = 'x@example.com'", 700)]);
    const [b] = detect([query('b', "SELECT * FROM orders WHERE email = 'y@example.com'", 900)]);
    const [c] = detect([query('c', "SELECT * FROM orders WHERE email = 'x@example.com'", 700)], 'GET /admin/orders');
    assert.ok(a && b && c);
    assert.equal(a.fingerprint, b.fingerprint);
    assert.notEqual(a.fingerprint, c.fingerprint);
  });

  it('can be switched off', () => {
    assert.deepEqual(detect([query('a', 'SELECT * FROM orders', 5000)], undefined, { ...SETTINGS, enabled: false }), []);
  });
});
