import { type FileHandle, open } from 'node:fs/promises';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../schema.js';

export interface DurableWriter {
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
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
export function createSqliteDurableWriter(file: string, main: Kysely<Database>): DurableWriter {
  const raw = new SqliteDatabase(file);
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
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
          await sql`begin immediate`.execute(conn);
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
    async close() {
      if (wal) await (await wal).close().catch(() => {});
      await db.destroy();
    },
  };
}
