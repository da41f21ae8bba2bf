import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogSeedJob, LogSeedOutcome } from './log-seed-main.js';
import type { LogSeedCorpus } from './log-stream.js';
import { runSeedChild } from './run-seed-child.js';
import { openScratchDatabase } from './scratch-database.js';
import type { SeedDatabase } from './seed-template.js';

export interface LogSeedRequest {
  readonly database: SeedDatabase;
  readonly corpus: LogSeedCorpus;
  readonly databaseUrl: string | null;
  readonly repoRoot: string;
  /** the data directory goes here; it (and a PostgreSQL schema) is removed on release */
  readonly scratchDir: string;
  readonly log: (line: string) => void;
}

export interface SeededLogs {
  readonly dataDir: string;
  /** schema-scoped URL for postgres, null for SQLite */
  readonly databaseUrl: string | null;
  readonly outcome: LogSeedOutcome;
  release(): Promise<void>;
}

// A log envelope of 25 lines is ~12 KB: a few hundred per queue write.
const LOG_SEED_BATCH = 200;
const logSeedMain = fileURLToPath(new URL('./log-seed-main.js', import.meta.url));

/** A throw-away database holding the seeded log lines, made by the server's own worker. */
export async function seedLogs(r: LogSeedRequest): Promise<SeededLogs> {
  const scratch = await openScratchDatabase(r.database, r.databaseUrl, r.scratchDir, 'logs');
  try {
    const job: LogSeedJob = {
      corpus: r.corpus,
      dataDir: scratch.dataDir,
      databaseUrl: scratch.databaseUrl,
      faultlineBin: join(r.repoRoot, 'packages', 'server', 'bin', 'faultline.js'),
      batch: LOG_SEED_BATCH,
    };
    r.log(`${r.database}: seeding ${r.corpus.lines} log lines over ${r.corpus.hours} hours…`);
    const outcome = await runSeedChild<LogSeedOutcome>(logSeedMain, job, 'log seed', (line) => r.log(`${r.database}: ${line}`));
    await scratch.analyze();
    return { dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl, outcome, release: scratch.release };
  } catch (err) {
    await scratch.release().catch(() => {});
    throw err;
  }
}
