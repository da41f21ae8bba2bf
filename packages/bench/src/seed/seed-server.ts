// The server a seeding process writes through (seed-main.ts, span-seed-main.ts, session-seed-main.ts, log-seed-main.ts): the workspace
// bootstrapped through the real CLI, then the server's own store and createApp in this process,
// so the rows are the pipeline's own (docs/performance.md › "How seeding works").
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createApp } from '@faultline/server/dist/app.js';
import { type Config, loadConfig } from '@faultline/server/dist/config/index.js';
import { createLogger, systemClock } from '@faultline/server/dist/kernel/index.js';
import { openStore } from '@faultline/server/dist/open-store.js';

export interface SeedServerJob {
  readonly dataDir: string;
  /** PostgreSQL URL scoped to the target schema; null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  /** the faultline launcher (packages/server/bin/faultline.js) */
  readonly faultlineBin: string;
}

export async function openSeedServer(job: SeedServerJob) {
  const env: Record<string, string> = {
    FAULTLINE_DATA_DIR: job.dataDir,
    FAULTLINE_LOG_LEVEL: 'warn',
    // Nothing may run beside the worker: no alert deliveries, no retention sweeps.
    FAULTLINE_ALERTS_ENABLED: 'false',
    // Processing on the server's own thread, so this thread builds the next batch meanwhile.
    FAULTLINE_WORKER_THREADS: '1',
    ...(job.databaseUrl === null ? {} : { DATABASE_URL: job.databaseUrl }),
  };
  // The workspace exactly as `faultline serve` would find it: bootstrap through the real CLI.
  const { stdout } = await promisify(execFile)(process.execPath, [job.faultlineBin, 'bootstrap', '--json'], { env: { PATH: process.env.PATH ?? '', ...env } });
  const projectId = Number((JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { projectId?: unknown }).projectId);
  if (!Number.isInteger(projectId)) throw new Error(`faultline bootstrap printed no project id: ${stdout}`);
  const config: Config = loadConfig(env);
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock: systemClock });
  await store.migrate();
  const app = await createApp({ config, store, logger: createLogger('warn'), clock: systemClock });
  return { projectId, config, store, app };
}

type SeedStore = Awaited<ReturnType<typeof openSeedServer>>['store'];

/** Items the pipeline judged invalid while seeding (any category): a corpus the server reads as written has none. */
export async function invalidOutcomeCount(store: SeedStore): Promise<number> {
  const row = await store.db
    .selectFrom('outcomes')
    .select((eb) => eb.fn.sum<number>('quantity').as('n'))
    .where('outcome', '=', 'invalid')
    .executeTakeFirstOrThrow();
  return Number(row.n ?? 0);
}

/** One envelope of a generated corpus, with the type of its one item. */
export interface CorpusEnvelope {
  readonly receivedAt: number;
  readonly body: Buffer;
  readonly itemType: string;
}

type SeedApp = Awaited<ReturnType<typeof openSeedServer>>['app'];

/**
 * Every envelope `next` yields is written to the durable queue first (in batches of `batch`);
 * only then does the server's own worker drain it, so the processing time is the worker's alone
 * (docs/performance.md › Sessions, › Logs). Returns both durations, in whole milliseconds. The
 * app's server is closed afterwards, failed or not: the seeding process reads the tables next.
 */
export async function queueThenDrain(
  app: SeedApp,
  projectId: number,
  next: () => CorpusEnvelope | null,
  batch: number,
  onQueued: (queueMs: number) => void,
): Promise<{ queueMs: number; processMs: number }> {
  try {
    return await queueAndDrain(app, projectId, next, batch, onQueued);
  } finally {
    await app.server.close();
  }
}

async function queueAndDrain(
  app: SeedApp,
  projectId: number,
  next: () => CorpusEnvelope | null,
  batch: number,
  onQueued: (queueMs: number) => void,
): Promise<{ queueMs: number; processMs: number }> {
  const q0 = performance.now();
  for (;;) {
    const envelopes = [];
    while (envelopes.length < batch) {
      const e = next();
      if (e === null) break;
      envelopes.push({
        projectId,
        receivedAt: e.receivedAt,
        eventId: null,
        encoding: 'identity' as const,
        body: e.body,
        decodedBytes: e.body.length,
        items: [[0, e.itemType] as const],
        clientIp: '127.0.0.1',
      });
    }
    if (envelopes.length === 0) break;
    await app.jobs.queue.write({ envelopes });
  }
  const queueMs = Math.round(performance.now() - q0);
  onQueued(queueMs);
  const p0 = performance.now();
  await app.jobs.worker.drain(1_800_000);
  return { queueMs, processMs: Math.round(performance.now() - p0) };
}
