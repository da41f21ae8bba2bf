import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchSchema, dropSchema, schemaUrl, vacuumAnalyzeSchema } from '../faultline/index.js';
import { runSeedChild } from './run-seed-child.js';
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
  if (r.database === 'postgres' && r.databaseUrl === null) throw new Error('a postgres seed needs DATABASE_URL');
  const dataDir = join(r.scratchDir, `sessions-seed-${r.database}`);
  const schema = r.database === 'postgres' ? `bench_sessions_${Date.now()}_${randomBytes(3).toString('hex')}` : null;
  const base = r.databaseUrl as string;
  const release = async () => {
    if (schema !== null) await dropSchema(base, schema);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await mkdir(dataDir, { recursive: true });
    if (schema !== null) await createBenchSchema(base, schema);
    const databaseUrl = schema === null ? null : schemaUrl(base, schema);
    const job: SessionSeedJob = {
      corpus: r.corpus,
      dataDir,
      databaseUrl,
      faultlineBin: join(r.repoRoot, 'packages', 'server', 'bin', 'faultline.js'),
      batch: SESSION_SEED_BATCH,
    };
    r.log(`${r.database}: seeding ${r.corpus.updates} session updates over ${r.corpus.days} days and ${r.corpus.releases} releases…`);
    const outcome = await runSeedChild<SessionSeedOutcome>(sessionSeedMain, job, 'session seed', (line) => r.log(`${r.database}: ${line}`));
    if (schema !== null) await vacuumAnalyzeSchema(base, schema);
    return { dataDir, databaseUrl, outcome, release };
  } catch (err) {
    await release().catch(() => {});
    throw err;
  }
}
