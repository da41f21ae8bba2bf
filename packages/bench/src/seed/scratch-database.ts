import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createBenchSchema, dropSchema, schemaUrl, vacuumAnalyzeSchema } from '../faultline/index.js';
import type { SeedDatabase } from './seed-template.js';

/** A throw-away data directory (and, for PostgreSQL, a fresh schema) that a seeding process fills. */
export interface ScratchDatabase {
  readonly dataDir: string;
  /** schema-scoped URL for postgres, null for SQLite in `dataDir` */
  readonly databaseUrl: string | null;
  /** after seeding: fresh planner statistics for PostgreSQL (nothing to do for SQLite) */
  analyze(): Promise<void>;
  /** removes the directory and drops the schema */
  release(): Promise<void>;
}

export async function openScratchDatabase(database: SeedDatabase, baseUrl: string | null, scratchDir: string, name: string): Promise<ScratchDatabase> {
  if (database === 'postgres' && baseUrl === null) throw new Error(`a postgres ${name} seed needs DATABASE_URL`);
  const dataDir = join(scratchDir, `${name}-seed-${database}`);
  const schema = database === 'postgres' ? `bench_${name}_${Date.now()}_${randomBytes(3).toString('hex')}` : null;
  const base = baseUrl as string;
  const release = async () => {
    if (schema !== null) await dropSchema(base, schema);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await mkdir(dataDir, { recursive: true });
    if (schema !== null) await createBenchSchema(base, schema);
  } catch (err) {
    await release().catch(() => {});
    throw err;
  }
  return {
    dataDir,
    databaseUrl: schema === null ? null : schemaUrl(base, schema),
    analyze: async () => {
      if (schema !== null) await vacuumAnalyzeSchema(base, schema);
    },
    release,
  };
}
