// The logs stage's seeding process (`node dist/seed/log-seed-main.js '<json LogSeedJob>'`): a
// fresh data directory (or PostgreSQL schema) filled the way a running server would fill it,
// minus HTTP, as session-seed-main.ts does. Every envelope is queued first and only then
// processed, so the processing rate is the worker's alone: the server's own worker drains the
// queue through the pipeline's log stage (parse, scrub, compress into blocks) while nothing
// else runs. The last stdout line is the LogSeedOutcome.

import { createLogStream, type LogSeedCorpus, type LogStreamTotals } from './log-stream.js';
import { runSeedProcess, seedLog } from './seed-process.js';
import { invalidOutcomeCount, openSeedServer, queueThenDrain } from './seed-server.js';

export interface LogSeedJob {
  readonly corpus: LogSeedCorpus;
  readonly dataDir: string;
  /** PostgreSQL URL scoped to the target schema; null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  readonly faultlineBin: string;
  /** envelopes per queue write */
  readonly batch: number;
}

export interface LogSeedOutcome {
  /** writing every envelope into the durable queue */
  readonly queueMs: number;
  /** the worker draining it: the processing time the rate is computed from */
  readonly processMs: number;
  readonly sent: LogStreamTotals;
  /** what the server stored, read back from its tables */
  readonly stored: {
    readonly lines: number;
    readonly blocks: number;
    /** bytes of the compressed blocks */
    readonly documentBytes: number;
    readonly traceRows: number;
    readonly invalidOutcomes: number;
    /** the trace id of the newest line: the stage's trace query asks for it */
    readonly sampleTrace: string | null;
  };
}

async function seed(job: LogSeedJob): Promise<LogSeedOutcome> {
  const { projectId, store, app } = await openSeedServer(job);
  const stream = createLogStream(job.corpus);
  const { queueMs, processMs } = await queueThenDrain(
    app,
    projectId,
    () => {
      const e = stream.next();
      return e === null ? null : { ...e, itemType: 'log' };
    },
    job.batch,
    (ms) => seedLog(`${stream.totals.envelopes} envelopes (${stream.totals.lines} log lines) queued in ${ms} ms; processing…`),
  );
  seedLog(`processed in ${processMs} ms (${Math.round((stream.totals.lines / processMs) * 1000)} lines/s)`);
  const db = store.db;
  const blocks = await db
    .selectFrom('log_blocks')
    .select((eb) => [
      eb.fn.sum<number>('line_count').as('lines'),
      eb.fn.countAll<number>().as('rows'),
      eb.fn.sum<number>(eb.fn('length', ['document'])).as('bytes'),
    ])
    .executeTakeFirstOrThrow();
  const traces = await db
    .selectFrom('log_trace_blocks')
    .select((eb) => eb.fn.countAll<number>().as('rows'))
    .executeTakeFirstOrThrow();
  const newest = await store.logs.blocks({ projectIds: [projectId], startMs: 0, endMs: Number.MAX_SAFE_INTEGER, limit: 1 });
  const invalidOutcomes = await invalidOutcomeCount(store);
  await store.close();
  return {
    queueMs,
    processMs,
    sent: stream.totals,
    stored: {
      lines: Number(blocks.lines ?? 0),
      blocks: Number(blocks.rows),
      documentBytes: Number(blocks.bytes ?? 0),
      traceRows: Number(traces.rows),
      invalidOutcomes,
      sampleTrace: newest[0]?.lines.at(-1)?.traceId ?? null,
    },
  };
}

await runSeedProcess(seed);
