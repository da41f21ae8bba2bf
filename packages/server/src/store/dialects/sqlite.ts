import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Dialect } from './dialect.js';
import { createSqliteDurableWriter } from './sqlite-durable-writer.js';

/**
 * Embedded SQLite in WAL mode. synchronous=FULL makes every commit durable;
 * batching writes into few transactions keeps that cheap.
 */
export function openSqlite(file: string): Dialect & { raw: SqliteDatabase.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  // A second connection to ':memory:' would be another database; nothing there needs to reach a disk.
  const durable = file === ':memory:' ? null : createSqliteDurableWriter(file, db);
  return {
    name: 'sqlite',
    db,
    raw,
    autoId: (col) => col.primaryKey().autoIncrement(),
    blobType: 'blob',
    bigIntType: 'integer',
    claimLocksRows: false,
    forClaim: (query) => query,
    durableTransaction: (fn) => (durable ? durable.transaction(fn) : db.transaction().execute(fn)),
    async migrationSchema() {
      return undefined;
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await durable?.close();
      await db.destroy();
    },
  };
}
