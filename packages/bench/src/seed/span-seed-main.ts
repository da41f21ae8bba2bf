// The spans stage's seeding process (`node dist/seed/span-seed-main.js '<json SpanSeedJob>'`):
// fills a fresh data directory (or PostgreSQL schema) with the requests of a SpanSeedCorpus
// the way a running server would, minus HTTP — the same path as seed-main.ts (see there and
// docs/performance.md › "How seeding works"): envelopes are written into the durable ingest
// queue through `app.jobs.queue` with the item types ingest would record (`transaction`,
// `span`), and the server's own worker processes them (span stage: trace documents and
// rollups). Then the server's own rollup compaction runs until nothing is left to fold, as
// its scheduler would have done every minute. The last stdout line is the SpanSeedOutcome.

import { createLogger, systemClock } from '@faultline/server/dist/kernel/index.js';
import { createPerformanceSweeps } from '@faultline/server/dist/performance/index.js';
import { runSeedProcess, seedLog } from './seed-process.js';
import { openSeedServer } from './seed-server.js';
import { createSpanStream, type SpanSeedCorpus } from './span-stream.js';

export interface SpanSeedJob {
  readonly corpus: SpanSeedCorpus;
  readonly dataDir: string;
  /** PostgreSQL URL scoped to the target schema; null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  readonly faultlineBin: string;
  /** envelopes per queue write */
  readonly batch: number;
}

export interface SpanSeedOutcome {
  readonly seedMs: number;
  readonly compactMs: number;
  readonly envelopes: number;
  /** spans the generator produced */
  readonly spansSent: number;
  /** rows the server left: trace segments, the spans in them, rollup rows, transaction events */
  readonly counts: {
    readonly segments: number;
    readonly spans: number;
    readonly perfRollups: number;
    readonly perfRollupsHourly: number;
    readonly perfRollupsHourlyNames: number;
    readonly spanRollups: number;
    readonly perfUsers: number;
    readonly events: number;
  };
}

async function seed(job: SpanSeedJob): Promise<SpanSeedOutcome> {
  const { projectId, store, app } = await openSeedServer(job);
  const started = performance.now();
  let envelopes = 0;
  let spansSent = 0;
  let compactMs = 0;
  try {
    const stream = createSpanStream(job.corpus);
    let claim: Promise<number> | null = null;
    let nextReport = 0.1;
    for (;;) {
      const batch = [];
      while (batch.length < job.batch) {
        const e = stream.next();
        if (e === null) break;
        spansSent += e.spans;
        batch.push({
          projectId,
          receivedAt: e.receivedAt,
          eventId: e.eventId,
          encoding: 'identity',
          body: e.body,
          decodedBytes: e.body.length,
          items: [[0, e.itemType] as const],
          clientIp: '127.0.0.1',
        });
      }
      envelopes += batch.length;
      if (batch.length > 0) await app.jobs.queue.write({ envelopes: batch });
      if (claim !== null) await claim;
      if (batch.length === 0) break;
      claim = app.jobs.worker.runOnce(batch.length);
      if (spansSent >= nextReport * job.corpus.spans) {
        seedLog(`${spansSent} of ${job.corpus.spans} spans queued (${Math.round((spansSent / (performance.now() - started)) * 1000)}/s)`);
        nextReport += 0.1;
      }
    }
    await app.jobs.worker.drain(600_000);
    const c0 = performance.now();
    const sweeps = createPerformanceSweeps({ store, clock: systemClock, logger: createLogger('warn'), traceRetentionDays: 3650, rollupRetentionDays: 3650 });
    let folded = 0;
    for (let n = await sweeps.compact(); n > 0; n = await sweeps.compact()) folded += n;
    compactMs = Math.round(performance.now() - c0);
    seedLog(`compaction folded ${folded} rollup delta rows in ${compactMs} ms`);
  } finally {
    await app.server.close();
  }
  const seedMs = Math.round(performance.now() - started);
  const count = async (
    table: 'trace_segments' | 'perf_rollups' | 'perf_rollups_hourly' | 'perf_rollups_hourly_names' | 'span_rollups' | 'perf_users' | 'events',
  ) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const spanSum = await store.db
    .selectFrom('trace_segments')
    .select((eb) => eb.fn.sum<number>('span_count').as('n'))
    .executeTakeFirstOrThrow();
  const counts = {
    segments: await count('trace_segments'),
    spans: Number(spanSum.n ?? 0),
    perfRollups: await count('perf_rollups'),
    perfRollupsHourly: await count('perf_rollups_hourly'),
    perfRollupsHourlyNames: await count('perf_rollups_hourly_names'),
    spanRollups: await count('span_rollups'),
    perfUsers: await count('perf_users'),
    events: await count('events'),
  };
  await store.close();
  return { seedMs, compactMs, envelopes, spansSent, counts };
}

await runSeedProcess(seed);
