import { type FileHandle, open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import { withStatementCache } from './statement-cache.js';

export interface DurableWriter {
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** its commits no longer checkpoint the log (Dialect.checkpointElsewhere) */
  checkpointElsewhere(): void;
  close(): Promise<void>;
}

/**
 * Durable commits that do not block the event loop. better-sqlite3 runs on the main
 * thread, so with synchronous=FULL every commit would stall all requests for the
 * fsync (milliseconds, spikes of 100 ms under load). These transactions run on a second
 * connection with synchronous=NORMAL — the commit only appends to the WAL — and the
 * WAL file is then fsynced on the thread pool; the promise resolves after that, so the
 * caller's data is on disk exactly as with FULL. The main connection's lock is held
 * while the transaction runs, so no transaction of the main connection interleaves
 * with it (no SQLITE_BUSY, no stale snapshots), but not during the fsync.
 */
const busyWaitMs = 5000;

/** `begin immediate`, retried on SQLITE_BUSY with short timer waits, so a writer on another thread never blocks this event loop. */
async function beginImmediate(conn: Kysely<Database>): Promise<void> {
  const deadline = Date.now() + busyWaitMs;
  for (let waitMs = 1; ; waitMs = Math.min(waitMs * 2, 8)) {
    try {
      await sql`begin immediate`.execute(conn);
      return;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      await sleep(waitMs);
    }
  }
}

export function createSqliteDurableWriter(file: string, main: Kysely<Database>): DurableWriter {
  const raw = new SqliteDatabase(file);
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  // No busy_timeout here: SQLite's busy handler sleeps the calling thread (in steps of up to
  // 100 ms), and this connection runs on an event loop; beginImmediate waits asynchronously.
  raw.pragma('busy_timeout = 0');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  let wal: Promise<FileHandle> | null = null;

  async function syncWal(): Promise<void> {
    wal ??= open(`${file}-wal`, 'r+');
    await (await wal).sync();
  }

  return {
    async transaction(fn) {
      const result = await main.connection().execute(() =>
        db.connection().execute(async (conn) => {
          // IMMEDIATE takes the write lock up front: a transaction that reads before it writes
          // can then never fail with a stale snapshot, even if another process shares the file.
          await beginImmediate(conn);
          try {
            const value = await fn(conn);
            await sql`commit`.execute(conn);
            return value;
          } catch (err) {
            await sql`rollback`.execute(conn);
            throw err;
          }
        }),
      );
      await syncWal();
      return result;
    },
    checkpointElsewhere() {
      raw.pragma('wal_autocheckpoint = 0');
    },
    async close() {
      if (wal) await (await wal).close().catch(() => {});
      await db.destroy();
    },
  };
}
