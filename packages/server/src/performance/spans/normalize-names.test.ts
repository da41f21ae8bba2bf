import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeSpanDescription, normalizeSql, normalizeUrlName, spanGroup } from './normalize-names.js';

describe('normalized names and descriptions', () => {
  it('replaces ids in URL transaction names and drops the query', () => {
    assert.equal(normalizeUrlName('/users/17/orders/550e8400-e29b-41d4-a716-446655440000?x=1'), '/users/*/orders/*');
    assert.equal(normalizeUrlName('GET /files/9f86d081884c7d659a2feaa0c55ad015/raw'), 'GET /files/*/raw');
    assert.equal(normalizeUrlName('/api/v2/health'), '/api/v2/health');
  });

  it('turns SQL literals and placeholders into %s and folds IN lists', () => {
    assert.equal(normalizeSql("SELECT * FROM users WHERE id = 42 AND name = 'O''Brien'"), 'SELECT * FROM users WHERE id = %s AND name = %s');
    assert.equal(normalizeSql('SELECT *   FROM t WHERE id = $1'), 'SELECT * FROM t WHERE id = %s');
    assert.equal(normalizeSql('select * from t where id in (1, 2, 3) and x = ?'), 'select * from t where id in (%s) and x = %s');
    assert.equal(normalizeSql('SELECT col1, t2.x FROM t2'), 'SELECT col1, t2.x FROM t2');
    assert.equal(normalizeSql('SELECT * FROM t WHERE a = -5'), 'SELECT * FROM t WHERE a = %s');
  });

  it('groups db spans by statement shape and http spans by method and host', () => {
    assert.equal(
      normalizeSpanDescription('db.query', 'SELECT * FROM orders WHERE user_id = 7'),
      normalizeSpanDescription('db', 'SELECT * FROM orders WHERE user_id = 8'),
    );
    assert.equal(normalizeSpanDescription('http.client', 'GET https://api.example.com/users/1?x=2'), 'GET https://api.example.com');
    assert.equal(spanGroup('SELECT %s').length, 16);
    assert.notEqual(spanGroup('SELECT %s'), spanGroup('SELECT * FROM x'));
  });

  it('never throws and is idempotent on any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const once = normalizeSql(text);
        assert.equal(typeof once, 'string');
        assert.equal(typeof normalizeUrlName(text), 'string');
        assert.equal(typeof normalizeSpanDescription('http.client', text), 'string');
      }),
    );
  });

  it('handles an unterminated literal in a long statement in one pass', () => {
    const hostile = `SELECT '${"a''".repeat(5000)}`;
    assert.equal(normalizeSql(hostile), 'SELECT %s');
  });
});
