import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openSqlite } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-checkpoints-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite checkpoints handed to another thread', () => {
  it('stops checkpointing inside commits, and checkpoint() copies the log into the database file', async () => {
    const file = join(dir, 'handoff.sqlite');
    const dialect = openSqlite(file);
    try {
      await sql`create table big (body blob)`.execute(dialect.db);
      dialect.checkpointElsewhere?.();
      assert.equal(dialect.raw.pragma('wal_autocheckpoint', { simple: true }), 0);
      const before = statSync(file).size;
      // 8 MB through the durable writer: far past the 1,000-page (4 MB) automatic checkpoint.
      for (let i = 0; i < 8; i++) {
        await dialect.durableTransaction(async (trx) => {
          await sql`insert into big (body) values (${Buffer.alloc(1024 * 1024, i)})`.execute(trx);
        });
      }
      assert.ok(statSync(`${file}-wal`).size > 8 * 1024 * 1024, 'the log kept every commit');
      assert.equal(statSync(file).size, before, 'no commit copied pages into the database file');
      dialect.checkpoint?.();
      assert.ok(statSync(file).size > before + 8 * 1024 * 1024, 'the checkpoint copied them');
    } finally {
      await dialect.close();
    }
  });

  it('checkpoints inside commits by default', async () => {
    const file = join(dir, 'default.sqlite');
    const dialect = openSqlite(file);
    try {
      await sql`create table big (body blob)`.execute(dialect.db);
      const before = statSync(file).size;
      for (let i = 0; i < 8; i++) {
        await dialect.durableTransaction(async (trx) => {
          await sql`insert into big (body) values (${Buffer.alloc(1024 * 1024, i)})`.execute(trx);
        });
      }
      assert.ok(statSync(file).size > before + 4 * 1024 * 1024, 'commits copied the log into the file');
    } finally {
      await dialect.close();
    }
  });

  it('hands the pages a drained queue freed back to the file system, a step per checkpoint', async () => {
    const file = join(dir, 'reclaim.sqlite');
    const dialect = openSqlite(file);
    try {
      assert.equal(dialect.raw.pragma('auto_vacuum', { simple: true }), 2, 'a new file is created with incremental vacuum');
      await sql`create table queue (body blob)`.execute(dialect.db);
      await sql`create table kept (body blob)`.execute(dialect.db);
      for (let i = 0; i < 12; i++) {
        await dialect.durableTransaction(async (trx) => {
          await sql`insert into queue (body) values (${Buffer.alloc(1024 * 1024, i)})`.execute(trx);
          // Rows that stay, written in between, so freed pages sit inside the file and not only at its end.
          await sql`insert into kept (body) values (${Buffer.alloc(16 * 1024, i)})`.execute(trx);
        });
      }
      await dialect.durableTransaction((trx) => sql`delete from queue`.execute(trx));
      const pages = () => Number(dialect.raw.pragma('page_count', { simple: true }));
      const free = () => Number(dialect.raw.pragma('freelist_count', { simple: true }));
      const freeBefore = free();
      const pagesBefore = pages();
      assert.ok(freeBefore > 3000, `12 MB freed: ${freeBefore} pages`);
      dialect.checkpoint?.();
      assert.equal(free(), freeBefore - 1024, 'one step per checkpoint');
      for (let i = 0; i < 10 && free() > 1024; i++) dialect.checkpoint?.();
      assert.ok(free() <= 1024, 'it stops once few pages are free');
      assert.ok(pages() < pagesBefore - 2000, `the file shrank: ${pagesBefore} → ${pages()} pages`);
      const kept = await sql<{ n: number; bytes: number }>`select count(*) as n, sum(length(body)) as bytes from kept`.execute(dialect.db);
      assert.deepEqual(kept.rows[0], { n: 12, bytes: 12 * 16 * 1024 });
    } finally {
      await dialect.close();
    }
  });
});
