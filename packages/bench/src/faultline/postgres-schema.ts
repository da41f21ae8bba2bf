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

export async function createBenchSchema(databaseUrl: string, name: string): Promise<BenchSchema> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`unsafe schema name ${name}`);
  await withClient(databaseUrl, (c) => c.query(`create schema "${name}"`));
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    sizeBytes: () =>
      withClient(databaseUrl, async (c) => {
        const r = await c.query<{ bytes: string | null }>(
          `select sum(pg_total_relation_size(c.oid))::text as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'm')`,
          [name],
        );
        return Number(r.rows[0]?.bytes ?? 0);
      }),
    drop: () => withClient(databaseUrl, async (c) => void (await c.query(`drop schema if exists "${name}" cascade`))),
  };
}
