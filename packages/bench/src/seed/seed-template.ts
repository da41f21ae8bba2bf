import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchSchema, dropSchema, schemaExists, schemaUrl, vacuumAnalyzeSchema } from '../faultline/index.js';
import { redactDatabaseUrl } from '../options.js';
import type { SeedCorpus } from './event-stream.js';
import type { SeedJob, SeedOutcome } from './seed-main.js';
import { pipelineFingerprint, schemaFingerprint } from './server-fingerprint.js';

export type SeedDatabase = 'sqlite' | 'postgres';

export interface SeedRequest {
  readonly database: SeedDatabase;
  readonly corpus: Omit<SeedCorpus, 'endMs'>;
  /** the last event's receive time; now by default */
  readonly endMs?: number;
  /** the base DATABASE_URL for postgres; the seed gets a schema of its own */
  readonly databaseUrl: string | null;
  readonly repoRoot: string;
  /** where seeds are cached between runs; null: seed under `scratchDir` and discard it on release */
  readonly cacheDir: string | null;
  /** make a new seed even when a cached one fits */
  readonly reseed?: boolean;
  readonly scratchDir: string;
  readonly log: (line: string) => void;
}

/** Written last, so a seed without one is incomplete and never reused. */
export interface SeedManifest extends SeedOutcome {
  readonly version: 1;
  readonly key: string;
  readonly database: SeedDatabase;
  readonly corpus: SeedCorpus;
  readonly seededAt: string;
  readonly schema: string | null;
  /** pipelineFingerprint of the server that made the rows */
  readonly pipeline: string;
}

export interface SeededDatabase {
  readonly dataDir: string;
  /** schema-scoped URL for postgres, null for SQLite */
  readonly databaseUrl: string | null;
  readonly manifest: SeedManifest;
  readonly reused: boolean;
  /** the cached seed was made by other row-writing server code than the current build */
  readonly pipelineChanged: boolean;
  /** Removes a throw-away seed; a cached one stays for the next run. */
  release(): Promise<void>;
}

// Event times are anchored to the moment of seeding (the last 14 days, the last 24 hours):
// an older seed would measure a data set whose recent hours are empty.
const MAX_AGE_MS = 24 * 3600 * 1000;
// A seed without a manifest this old is an abandoned attempt, not one another run is making.
const ABANDONED_MS = 2 * 3600 * 1000;
const SEED_BATCH = 500;
const seedMain = fileURLToPath(new URL('./seed-main.js', import.meta.url));
const serverDist = (r: SeedRequest) => join(r.repoRoot, 'packages', 'server', 'dist');

// The schema is part of the key (a migration makes every seed unusable); the pipeline is not:
// while the server is being worked on it changes daily, and reseeding for every change would
// make the benchmark too slow to run. A seed made by other pipeline code is reported as such.
function cacheKey(r: SeedRequest): string {
  const what = {
    layout: 2,
    database: r.database,
    corpus: r.corpus,
    schema: schemaFingerprint(serverDist(r)),
    target: r.database === 'postgres' ? redactDatabaseUrl(r.databaseUrl) : null,
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

function readManifest(dir: string): SeedManifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SeedManifest;
  } catch {
    return null;
  }
}

/**
 * A database holding the seeded events: from the cache when a seed of the same corpus, schema
 * and target younger than a day exists (and `reseed` is not set), else made now by
 * seed-main.ts. SQLite seeds are data directories under the cache; PostgreSQL seeds are
 * schemas named bench_query_<key> (with a data directory holding the secret key).
 */
export async function seededDatabase(r: SeedRequest): Promise<SeededDatabase> {
  if (r.database === 'postgres' && r.databaseUrl === null) throw new Error('a postgres seed needs DATABASE_URL');
  if (r.cacheDir === null) return seedThrowAway(r);
  const key = cacheKey(r);
  const dir = join(r.cacheDir, `${r.database}-${key}`);
  const schema = r.database === 'postgres' ? `bench_query_${key}` : null;
  const found = readManifest(dir);
  const fresh = found !== null && Date.now() - Date.parse(found.seededAt) < MAX_AGE_MS && r.reseed !== true;
  if (fresh && (schema === null || (await schemaExists(r.databaseUrl as string, schema)))) {
    const pipelineChanged = found.pipeline !== pipelineFingerprint(serverDist(r));
    r.log(`${r.database}: reusing the seed of ${found.seededAt} (${found.counts.events} events, ${found.counts.issues} issues) in ${dir}`);
    if (pipelineChanged) r.log(`${r.database}: that seed was made by an earlier build of the pipeline; --reseed makes a new one`);
    return { dataDir: join(dir, 'data'), databaseUrl: scoped(r, schema), manifest: found, reused: true, pipelineChanged, release: async () => {} };
  }
  await forgetSeeds(r, dir);
  let manifest: SeedManifest;
  try {
    manifest = await seedInto(r, key, join(dir, 'data'), schema);
  } catch (err) {
    // A half-made seed is useless: leave nothing behind (the next run would remove it anyway).
    if (schema !== null) await dropSchema(r.databaseUrl as string, schema).catch(() => {});
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const temp = join(dir, `manifest.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temp, join(dir, 'manifest.json'));
  return { dataDir: join(dir, 'data'), databaseUrl: scoped(r, schema), manifest, reused: false, pipelineChanged: false, release: async () => {} };
}

async function seedThrowAway(r: SeedRequest): Promise<SeededDatabase> {
  const dataDir = join(r.scratchDir, `query-${r.database}`);
  const schema = r.database === 'postgres' ? `bench_q_${Date.now()}_${randomBytes(3).toString('hex')}` : null;
  const release = async () => {
    if (schema !== null) await dropSchema(r.databaseUrl as string, schema);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const manifest = await seedInto(r, null, dataDir, schema);
    return { dataDir, databaseUrl: scoped(r, schema), manifest, reused: false, pipelineChanged: false, release };
  } catch (err) {
    await release();
    throw err;
  }
}

function scoped(r: SeedRequest, schema: string | null): string | null {
  return schema === null ? null : schemaUrl(r.databaseUrl as string, schema);
}

/** Removes `replacing` and every seed of this database kind that is too old to reuse or was abandoned half-made. */
async function forgetSeeds(r: SeedRequest, replacing: string): Promise<void> {
  const cacheDir = r.cacheDir as string;
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) {
    if (!entry.startsWith(`${r.database}-`)) continue;
    const dir = join(cacheDir, entry);
    const manifest = readManifest(dir);
    const stale = manifest === null ? Date.now() - statSync(dir).mtimeMs > ABANDONED_MS : Date.now() - Date.parse(manifest.seededAt) >= MAX_AGE_MS;
    if (dir !== replacing && !stale) continue;
    if (r.database === 'postgres') await dropSchema(r.databaseUrl as string, `bench_query_${entry.slice('postgres-'.length)}`);
    await rm(dir, { recursive: true, force: true });
  }
}

async function seedInto(r: SeedRequest, key: string | null, dataDir: string, schema: string | null): Promise<SeedManifest> {
  const pipeline = pipelineFingerprint(serverDist(r));
  await mkdir(dataDir, { recursive: true });
  if (schema !== null) {
    await dropSchema(r.databaseUrl as string, schema);
    // Faultline migrates an empty schema but does not create one.
    await createBenchSchema(r.databaseUrl as string, schema);
  }
  const corpus: SeedCorpus = { ...r.corpus, endMs: r.endMs ?? Date.now() };
  const job: SeedJob = {
    corpus,
    dataDir,
    databaseUrl: scoped(r, schema),
    faultlineBin: join(r.repoRoot, 'packages', 'server', 'bin', 'faultline.js'),
    batch: SEED_BATCH,
  };
  r.log(`${r.database}: seeding ${corpus.events} events in ${corpus.issues} issues over ${corpus.days} days through the pipeline…`);
  const outcome = await runSeedProcess(job, (line) => r.log(`${r.database}: ${line}`));
  if (schema !== null) await vacuumAnalyzeSchema(r.databaseUrl as string, schema);
  r.log(`${r.database}: seeded ${outcome.counts.events} events, ${outcome.counts.issues} issues in ${(outcome.seedMs / 1000).toFixed(1)} s`);
  return {
    version: 1,
    key: key ?? 'not cached',
    database: r.database,
    corpus,
    seededAt: new Date().toISOString(),
    schema,
    pipeline,
    ...outcome,
  };
}

function runSeedProcess(job: SeedJob, log: (line: string) => void): Promise<SeedOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [seedMain, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let tail = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      tail = (tail + d.toString()).slice(-8000);
      for (const line of d.toString().split('\n')) if (line.startsWith('seed: ')) log(line.slice('seed: '.length));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the seed process exited with ${code}\n${tail}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as SeedOutcome);
      } catch {
        reject(new Error(`the seed process printed no outcome\n${stdout}\n${tail}`));
      }
    });
  });
}
