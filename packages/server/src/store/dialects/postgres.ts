import { Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';
import type { Dialect } from './dialect.js';
import { CurrentSchemaPostgresDialect } from './postgres-introspector.js';

// Times and counters are int8; JavaScript numbers hold them exactly up to 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export interface PostgresOptions {
  /** search_path for every connection: tests isolate themselves in a schema */
  schema?: string;
  maxConnections?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Dialect & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    pool,
    autoId: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
    blobType: 'bytea',
    bigIntType: 'bigint',
    claimLocksRows: true,
    forClaim: (query) => query.forUpdate().skipLocked(),
    durableTransaction: (fn) => db.transaction().execute(fn),
    async migrationSchema() {
      const r = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
      return r.rows[0]?.schema ?? undefined;
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
