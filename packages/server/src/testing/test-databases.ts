import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Clock, systemClock } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store/index.js';

/**
 * The databases every store-facing suite loops over: SQLite always, and
 * PostgreSQL when FAULTLINE_TEST_DATABASE_URL is set (CI sets it). Each opened
 * database is private to its test: a temporary directory or a fresh schema.
 */
export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** connection settings a server process needs to reach the same database */
  readonly env: Record<string, string>;
  readonly dataDir: string;
  readonly store: Store;
  cleanup(): Promise<void>;
}

export type DialectName = TestDatabase['name'];

export const postgresTestUrl = process.env.FAULTLINE_TEST_DATABASE_URL || null;

export function testDialects(): DialectName[] {
  return postgresTestUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Prints once why PostgreSQL suites are not run, so a skip is never silent. */
export function explainSkippedPostgres(): void {
  if (!postgresTestUrl) process.stderr.write('# PostgreSQL suites skipped: FAULTLINE_TEST_DATABASE_URL is not set (.ci/run sets it)\n');
}

export async function openTestDatabase(name: DialectName, clock: Clock = systemClock): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faultline-test-'));
  if (name === 'sqlite') {
    const store = openStore({ databaseUrl: null, dataDir, clock });
    await store.migrate();
    return {
      name,
      env: { FAULTLINE_DATA_DIR: dataDir },
      dataDir,
      store,
      async cleanup() {
        await store.close().catch(() => {});
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresTestUrl) throw new Error('FAULTLINE_TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(postgresTestUrl, schema);
  const store = openStore({ databaseUrl: postgresTestUrl, dataDir, clock, postgres: { schema } });
  await store.migrate();
  return {
    name,
    env: { FAULTLINE_DATA_DIR: dataDir, DATABASE_URL: url },
    dataDir,
    store,
    async cleanup() {
      await store.close().catch(() => {});
      const c = new pg.Client({ connectionString: postgresTestUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** libpq `options` in the URL put a child process in the same schema. */
function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
