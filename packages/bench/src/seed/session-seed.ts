import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSeedChild } from './run-seed-child.js';
import { openScratchDatabase } from './scratch-database.js';
import type { SeedDatabase } from './seed-template.js';
import type { SessionSeedJob, SessionSeedOutcome } from './session-seed-main.js';
import type { SessionSeedCorpus } from './session-stream.js';

export interface SessionSeedRequest {
  readonly database: SeedDatabase;
  readonly corpus: SessionSeedCorpus;
  readonly databaseUrl: string | null;
  readonly repoRoot: string;
  /** the data directory goes here; it (and a PostgreSQL schema) is removed on release */
  readonly scratchDir: string;
  readonly log: (line: string) => void;
}

export interface SeededSessions {
  readonly dataDir: string;
  /** schema-scoped URL for postgres, null for SQLite */
  readonly databaseUrl: string | null;
  readonly outcome: SessionSeedOutcome;
  release(): Promise<void>;
}

// Session envelopes are a few hundred bytes: many per queue write.
const SESSION_SEED_BATCH = 1000;
const sessionSeedMain = fileURLToPath(new URL('./session-seed-main.js', import.meta.url));

/** A throw-away database holding the seeded sessions, made by the server's own worker. */
export async function seedSessions(r: SessionSeedRequest): Promise<SeededSessions> {
  const scratch = await openScratchDatabase(r.database, r.databaseUrl, r.scratchDir, 'sessions');
  try {
    const job: SessionSeedJob = {
      corpus: r.corpus,
      dataDir: scratch.dataDir,
      databaseUrl: scratch.databaseUrl,
      faultlineBin: join(r.repoRoot, 'packages', 'server', 'bin', 'faultline.js'),
      batch: SESSION_SEED_BATCH,
    };
    r.log(`${r.database}: seeding ${r.corpus.updates} session updates over ${r.corpus.days} days and ${r.corpus.releases} releases…`);
    const outcome = await runSeedChild<SessionSeedOutcome>(sessionSeedMain, job, 'session seed', (line) => r.log(`${r.database}: ${line}`));
    await scratch.analyze();
    return { dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl, outcome, release: scratch.release };
  } catch (err) {
    await scratch.release().catch(() => {});
    throw err;
  }
}
