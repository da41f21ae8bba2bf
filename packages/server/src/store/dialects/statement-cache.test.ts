import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

function database(): SqliteDatabase.Database {
  const raw = new SqliteDatabase(':memory:');
  raw.exec('create table t (n integer)');
  raw.prepare('insert into t values (?), (?), (?)').run(1, 2, 3);
  return raw;
}

describe('withStatementCache', () => {
  it('hands back the statement it prepared for the same SQL, and it still answers with the new parameters', () => {
    const cached = withStatementCache(database());
    const first = cached.prepare('select n from t where n >= ?');
    const second = cached.prepare('select n from t where n >= ?');
    assert.equal(second, first);
    assert.deepEqual(second.all([2]), [{ n: 2 }, { n: 3 }]);
    assert.deepEqual(first.all([3]), [{ n: 3 }]);
    assert.notEqual(cached.prepare('select n from t where n <= ?'), first);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const cached = withStatementCache(database());
    const sql = 'select n from t order by n';
    const streaming = cached.prepare(sql);
    const rows = streaming.iterate([]);
    assert.deepEqual(rows.next().value, { n: 1 });
    const meanwhile = cached.prepare(sql);
    assert.notEqual(meanwhile, streaming);
    assert.deepEqual(meanwhile.all([]), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.deepEqual([...rows], [{ n: 2 }, { n: 3 }]);
    // Once the iteration ended, the cached statement is free again.
    assert.equal(cached.prepare(sql), streaming);
  });

  it('evicts the least recently used text beyond its capacity', () => {
    const cached = withStatementCache(database(), 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    assert.equal(cached.prepare('select 1'), a);
    cached.prepare('select 3');
    assert.equal(cached.prepare('select 1'), a, 'used recently, so kept');
    assert.notEqual(cached.prepare('select 2'), b, 'least recently used, so prepared again');
  });

  it('closes the database', () => {
    const raw = database();
    withStatementCache(raw).close();
    assert.equal(raw.open, false);
  });
});
