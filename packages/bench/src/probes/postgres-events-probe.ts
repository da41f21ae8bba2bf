import pg from 'pg';
import type { ProbeReading, ProcessedProbe } from './processed-probe.js';

/** Counts rows of `events` (errors and transactions) in the run's schema; `url` carries its search_path. */
export function postgresEventsProbe(url: string, table = 'events'): ProcessedProbe {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {}); // a dropped idle connection must not crash the bench
  return {
    name: `postgres: count(*) from ${table}`,
    counts: ['error', 'transaction'],
    async read(): Promise<ProbeReading> {
      try {
        const found = await pool.query<{ t: string | null }>('select to_regclass($1)::text as t', [table]);
        if ((found.rows[0]?.t ?? null) === null) return { ok: false, reason: `the server has no "${table}" table yet` };
        const r = await pool.query<{ n: string }>(`select count(*)::text as n from "${table}"`);
        return { ok: true, count: Number(r.rows[0]?.n ?? 0) };
      } catch (err) {
        return { ok: false, reason: `postgres probe failed: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
    close: () => pool.end(),
  };
}
