// The spans stage's row scaling (`node dist/seed/span-scale-main.js '<json SpanScaleJob>'`),
// run on a data set seeded by span-seed-main.ts when `--spans-scale N` asks for the rows N times
// as many spans would leave (docs/performance.md › Spans › "Scaled rows"). Every transaction
// rollup row (`perf_rollups`, one per key and minute after compaction) is copied N − 1 times,
// key unchanged, minute moved by a different offset per copy and wrapped inside the seeded
// window, and written back as an uncompacted delta; the server's own compaction then folds the
// copies into minutes, hours and hours per name exactly as it folds real deltas. The result has
// the rows — and so the read cost — of N times the traffic over the same keys and 24 h: the
// query merges rows, it never reads spans. Span rollups, users and trace documents are not
// copied (the measured query does not read them). The last stdout line is the SpanScaleOutcome.

import { loadConfig } from '@faultline/server/dist/config/index.js';
import { createLogger, systemClock } from '@faultline/server/dist/kernel/index.js';
import { openStore } from '@faultline/server/dist/open-store.js';
import { createPerformanceSweeps } from '@faultline/server/dist/performance/index.js';
import { runSeedProcess, seedLog } from './seed-process.js';

export interface SpanScaleJob {
  readonly dataDir: string;
  /** PostgreSQL URL scoped to the target schema; null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  /** the rows of `scale` times the seeded spans */
  readonly scale: number;
}

export interface SpanScaleOutcome {
  readonly scale: number;
  readonly copiedRows: number;
  readonly copyMs: number;
  readonly compactMs: number;
  /** rows after scaling and compaction */
  readonly counts: { readonly perfRollups: number; readonly perfRollupsHourly: number; readonly perfRollupsHourlyNames: number };
}

const chunk = 200;

async function scaleRows(job: SpanScaleJob): Promise<SpanScaleOutcome> {
  const config = loadConfig({ FAULTLINE_DATA_DIR: job.dataDir, ...(job.databaseUrl === null ? {} : { DATABASE_URL: job.databaseUrl }) });
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock: systemClock });
  await store.migrate();
  const db = store.db;
  try {
    const t0 = performance.now();
    const rows = await db.selectFrom('perf_rollups').selectAll().execute();
    const minutes = rows.map((r) => Number(r.minute));
    const lo = Math.min(...minutes);
    const span = Math.max(...minutes) + 60 - lo;
    // Copy k moves by k × (window / scale + one minute): copies spread over the whole window and land on other minutes than the original's.
    const step = Math.floor(span / job.scale / 60) * 60 + 60;
    let copied = 0;
    for (let k = 1; k < job.scale; k++) {
      const copies = rows.map(({ id: _id, ...r }) => ({ ...r, minute: lo + ((Number(r.minute) - lo + k * step) % span), compacted: 0 }));
      for (let i = 0; i < copies.length; i += chunk * 25)
        await db.transaction().execute(async (trx) => {
          for (let j = i; j < Math.min(copies.length, i + chunk * 25); j += chunk)
            await trx
              .insertInto('perf_rollups')
              .values(copies.slice(j, j + chunk))
              .execute();
        });
      copied += copies.length;
      seedLog(`copy ${k} of ${job.scale - 1}: ${copies.length} rollup rows`);
    }
    const copyMs = Math.round(performance.now() - t0);
    const c0 = performance.now();
    const sweeps = createPerformanceSweeps({ store, clock: systemClock, logger: createLogger('warn'), traceRetentionDays: 3650, rollupRetentionDays: 3650 });
    let folded = 0;
    for (let n = await sweeps.compact(); n > 0; n = await sweeps.compact()) folded += n;
    const compactMs = Math.round(performance.now() - c0);
    seedLog(`compaction folded ${folded} copied rows in ${compactMs} ms`);
    const count = async (table: 'perf_rollups' | 'perf_rollups_hourly' | 'perf_rollups_hourly_names') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      scale: job.scale,
      copiedRows: copied,
      copyMs,
      compactMs,
      counts: {
        perfRollups: await count('perf_rollups'),
        perfRollupsHourly: await count('perf_rollups_hourly'),
        perfRollupsHourlyNames: await count('perf_rollups_hourly_names'),
      },
    };
  } finally {
    await store.close();
  }
}

await runSeedProcess(scaleRows);
