// The sessions stage's seeding process (`node dist/seed/session-seed-main.js '<json SessionSeedJob>'`):
// a fresh data directory (or PostgreSQL schema) filled the way a running server would fill it,
// minus HTTP, as span-seed-main.ts does (docs/performance.md › "How seeding works"). Unlike
// there, every envelope is queued first and only then processed, so the processing rate is the
// worker's alone: the server's own worker (on its processing thread, as `faultline serve` runs
// it) drains the queue through the pipeline's session stage while nothing else runs.
// The last stdout line is the SessionSeedOutcome.

import { runSeedProcess, seedLog } from './seed-process.js';
import { invalidOutcomeCount, openSeedServer, queueThenDrain } from './seed-server.js';
import { createSessionStream, type SessionSeedCorpus, type SessionStreamTotals } from './session-stream.js';

export interface SessionSeedJob {
  readonly corpus: SessionSeedCorpus;
  readonly dataDir: string;
  /** PostgreSQL URL scoped to the target schema; null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  readonly faultlineBin: string;
  /** envelopes per queue write */
  readonly batch: number;
}

export interface SessionSeedOutcome {
  /** writing every envelope into the durable queue */
  readonly queueMs: number;
  /** the worker draining it: the processing time the rate is computed from */
  readonly processMs: number;
  readonly sent: SessionStreamTotals;
  /** what the server stored, read back from its tables */
  readonly stored: {
    readonly sessionsStarted: number;
    readonly countRows: number;
    readonly setRows: number;
    /** the hourly fold's packed rows (closed days) and the rows it packed, after seeding */
    readonly packedDayRows: number;
    readonly packedSetRows: number;
    readonly foldMs: number;
    readonly releases: number;
    readonly invalidOutcomes: number;
  };
}

async function seed(job: SessionSeedJob): Promise<SessionSeedOutcome> {
  const { projectId, store, app } = await openSeedServer(job);
  const stream = createSessionStream(job.corpus);
  const { queueMs, processMs } = await queueThenDrain(
    app,
    projectId,
    () => stream.next(),
    job.batch,
    (ms) => seedLog(`${stream.totals.envelopes} envelopes (${stream.totals.updates} session updates) queued in ${ms} ms; processing…`),
  );
  seedLog(`processed in ${processMs} ms (${Math.round((stream.totals.updates / processMs) * 1000)} updates/s)`);
  // What the hourly fold (SESSION_SET_FOLD) leaves in steady state: closed days packed, the
  // last days as hourly rows. Timed apart: it is background work, not processing.
  const f0 = performance.now();
  const folded = await store.releaseHealth.foldClosedDays(Date.now());
  const foldMs = Math.round(performance.now() - f0);
  seedLog(`packed ${folded.rows} set rows of ${folded.days} closed days in ${foldMs} ms`);
  const db = store.db;
  const counts = await db
    .selectFrom('session_counts')
    .select((eb) => [eb.fn.sum<number>('inits').as('inits'), eb.fn.countAll<number>().as('rows')])
    .executeTakeFirstOrThrow();
  const sets = await db
    .selectFrom('session_sets')
    .select((eb) => eb.fn.countAll<number>().as('rows'))
    .executeTakeFirstOrThrow();
  const packed = await db
    .selectFrom('session_set_days')
    .select((eb) => eb.fn.countAll<number>().as('rows'))
    .executeTakeFirstOrThrow();
  const releases = await db
    .selectFrom('session_counts')
    .select((eb) => eb.fn.count<number>('release').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const invalidOutcomes = await invalidOutcomeCount(store);
  await store.close();
  return {
    queueMs,
    processMs,
    sent: stream.totals,
    stored: {
      sessionsStarted: Number(counts.inits ?? 0),
      countRows: Number(counts.rows),
      setRows: Number(sets.rows),
      packedDayRows: Number(packed.rows),
      packedSetRows: folded.rows,
      foldMs,
      releases: Number(releases.n),
      invalidOutcomes,
    },
  };
}

await runSeedProcess(seed);
