// The seeding process (`node dist/seed/seed-main.js '<json SeedJob>'`): fills a fresh data
// directory (or PostgreSQL schema) with the events of a SeedCorpus the way a running server
// would, minus HTTP. The last stdout line is the SeedOutcome as JSON; progress goes to stderr.
//
// Why the rows are the pipeline's own: the events are written into the server's durable ingest
// queue through `app.jobs.queue` (the same write ingest does once it has authenticated and
// parsed a request), then the server's own worker — built by the server's createApp, with its
// processing thread, pipeline, releases and post-process hooks — claims and processes them.
// Only the HTTP layer is skipped (authentication, rate-limit windows, the 200), and the receive
// time is the simulated one instead of the clock's. seed/identical-rows.test.ts checks it.
import { createEventStream, type SeedCorpus } from './event-stream.js';
import { runSeedProcess, seedLog } from './seed-process.js';
import { openSeedServer } from './seed-server.js';
import { countSeededRows, type SeededCounts } from './seeded-counts.js';

export interface SeedJob {
  readonly corpus: SeedCorpus;
  readonly dataDir: string;
  /** PostgreSQL URL scoped to the target schema; null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  /** the faultline launcher (packages/server/bin/faultline.js) */
  readonly faultlineBin: string;
  /** envelopes per queue write */
  readonly batch: number;
}

export interface SeedOutcome {
  readonly seedMs: number;
  readonly counts: SeededCounts;
  readonly workerThreads: number;
}

async function seed(job: SeedJob): Promise<SeedOutcome> {
  const { projectId, config, store, app } = await openSeedServer(job);
  const started = performance.now();
  try {
    const stream = createEventStream(job.corpus);
    // The worker's own claim (runOnce) processes each batch — on its processing thread when the
    // server runs one — while this thread builds and queues the next batch.
    let claim: Promise<number> | null = null;
    let processed = 0;
    let nextReport = 0.1;
    for (;;) {
      const envelopes = [];
      while (envelopes.length < job.batch) {
        const e = stream.next();
        if (e === null) break;
        envelopes.push({
          projectId,
          receivedAt: e.receivedAt,
          eventId: e.eventId,
          encoding: 'identity',
          body: e.body,
          decodedBytes: e.body.length,
          items: [[0, 'event'] as const],
          clientIp: '127.0.0.1',
        });
      }
      if (envelopes.length > 0) await app.jobs.queue.write({ envelopes });
      if (claim !== null) processed += await claim;
      if (envelopes.length === 0) break;
      claim = app.jobs.worker.runOnce(envelopes.length);
      if (processed >= nextReport * job.corpus.events) {
        seedLog(`${processed} of ${job.corpus.events} events processed (${Math.round((processed / (performance.now() - started)) * 1000)}/s)`);
        nextReport += 0.1;
      }
    }
    await app.jobs.worker.drain(600_000);
  } finally {
    await app.server.close();
  }
  const seedMs = Math.round(performance.now() - started);
  const counts = await countSeededRows(store.db);
  await store.close();
  return { seedMs, counts, workerThreads: config.workerThreads };
}

await runSeedProcess(seed);
