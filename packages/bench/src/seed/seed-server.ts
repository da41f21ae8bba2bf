// The server a seeding process writes through (seed-main.ts, span-seed-main.ts): the workspace
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
