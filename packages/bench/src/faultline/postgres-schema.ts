import pg from 'pg';

/**
 * A throw-away schema for one run, so a bench never reads or leaves rows in anyone else's
 * tables. Faultline is pointed at it through the URL's `options=-c search_path=…`, which
 * node-postgres passes to the server at connect time.
 */
export interface BenchSchema {
  readonly name: string;
  /** DATABASE_URL for Faultline and for the probes, scoped to the schema. */
  readonly url: string;
  /** Bytes of every table, index and TOAST relation in the schema. */
  sizeBytes(): Promise<number>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function safeName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`unsafe schema name ${name}`);
  return name;
}

/** DATABASE_URL scoped to `schema` through `options=-c search_path=…`. */
export function schemaUrl(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${safeName(schema)}`);
  return url.toString();
}

export async function schemaExists(databaseUrl: string, name: string): Promise<boolean> {
  return withClient(databaseUrl, async (c) => (await c.query('select 1 from pg_namespace where nspname = $1', [name])).rowCount === 1);
}

export async function dropSchema(databaseUrl: string, name: string): Promise<void> {
  await withClient(databaseUrl, (c) => c.query(`drop schema if exists "${safeName(name)}" cascade`));
}

/**
 * VACUUM ANALYZE of every table in the schema: after a bulk load autovacuum would get there
 * on its own within a minute or so; doing it now keeps the figures from depending on when.
 */
export async function vacuumAnalyzeSchema(databaseUrl: string, name: string): Promise<void> {
  await withClient(databaseUrl, async (c) => {
    const tables = await c.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1', [name]);
    for (const t of tables.rows) await c.query(`vacuum analyze "${safeName(name)}"."${t.tablename.replaceAll('"', '""')}"`);
  });
}

export async function createBenchSchema(databaseUrl: string, name: string): Promise<BenchSchema> {
  await withClient(databaseUrl, (c) => c.query(`create schema "${safeName(name)}"`));
  return {
    name,
    url: schemaUrl(databaseUrl, name),
    sizeBytes: () =>
      withClient(databaseUrl, async (c) => {
        const r = await c.query<{ bytes: string | null }>(
          `select sum(pg_total_relation_size(c.oid))::text as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'm')`,
          [name],
        );
        return Number(r.rows[0]?.bytes ?? 0);
      }),
    drop: () => dropSchema(databaseUrl, name),
  };
}
