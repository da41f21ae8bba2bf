import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ProbeReading, ProcessedProbe } from './processed-probe.js';

/**
 * Counts rows of `events` in the server's SQLite file through a read-only connection of our
 * own. WAL mode lets this reader run beside the server's writer without blocking it. The
 * table is looked up on every read: it does not exist until the pipeline's migration does.
 * count(*) is answered from the smallest index (the unique (project_id, event_id) one), so
 * a read costs milliseconds even with 100,000 stored events, not a scan of the payloads.
 * The minimal processor stores `event` and `transaction` items there (0002_ingest).
 */
export function sqliteEventsProbe(file: string, table = 'events'): ProcessedProbe {
  let db: Database.Database | null = null;
  return {
    name: `sqlite: count(*) from ${table}`,
    counts: ['error', 'transaction'],
    async read(): Promise<ProbeReading> {
      try {
        if (db === null) {
          if (!existsSync(file)) return { ok: false, reason: `no database file at ${file}` };
          db = new Database(file, { readonly: true, fileMustExist: true });
        }
        const exists = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
        if (exists === undefined) return { ok: false, reason: `the server has no "${table}" table yet` };
        const row = db.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
        return { ok: true, count: row.n };
      } catch (err) {
        return { ok: false, reason: `sqlite probe failed: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
    async close() {
      db?.close();
      db = null;
    },
  };
}
