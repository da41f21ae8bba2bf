import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Dialect } from './dialect.js';
import { createSqliteDurableWriter } from './sqlite-durable-writer.js';
import { withStatementCache } from './statement-cache.js';

// Pages freed (mostly by the drained ingest queue) are handed back to the file system a few
// megabytes per checkpoint once this many are free: SQLite would otherwise keep the file at
// its largest backlog forever. One step holds the write lock for a few milliseconds.
const reclaimAboveFreePages = 1024;
const reclaimPagesPerStep = 1024;

/**
 * Embedded SQLite in WAL mode. synchronous=FULL makes every commit durable;
 * batching writes into few transactions keeps that cheap.
 */
export function openSqlite(file: string): Dialect & { raw: SqliteDatabase.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  // Only a file without tables can take it; older databases keep their free pages (docs/performance.md).
  if (file !== ':memory:' && raw.pragma('page_count', { simple: true }) === 0) raw.pragma('auto_vacuum = INCREMENTAL');
  const incrementalVacuum = raw.pragma('auto_vacuum', { simple: true }) === 2;
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
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
    checkpoint() {
      raw.pragma('wal_checkpoint(PASSIVE)');
      if (incrementalVacuum && Number(raw.pragma('freelist_count', { simple: true })) > reclaimAboveFreePages) {
        raw.pragma(`incremental_vacuum(${reclaimPagesPerStep})`);
      }
    },
    checkpointElsewhere() {
      raw.pragma('wal_autocheckpoint = 0');
      durable?.checkpointElsewhere();
    },
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
