import Database from 'better-sqlite3';
import pg from 'pg';

/** Bytes per table, its indexes (and for PostgreSQL its TOAST) included. */
export interface TableSizes {
  readonly measured: string;
  readonly tables: Readonly<Record<string, number>>;
  /** every table of the database together */
  readonly totalBytes: number;
}

/**
 * SQLite: the pages each table and its indexes occupy (the `dbstat` virtual table), so pages
 * freed by the drained ingest queue — still in the file until a VACUUM — are not counted.
 */
export function sqliteTableSizes(file: string): TableSizes {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const owners = new Map<string, string>();
    for (const r of db.prepare("select name, tbl_name from sqlite_master where type in ('table', 'index')").all() as { name: string; tbl_name: string }[])
      owners.set(r.name, r.tbl_name);
    const tables: Record<string, number> = {};
    for (const r of db.prepare('select name, sum(pgsize) as bytes from dbstat group by name').all() as { name: string; bytes: number }[]) {
      const table = owners.get(r.name) ?? r.name;
      tables[table] = (tables[table] ?? 0) + r.bytes;
    }
    const totalBytes = Object.values(tables).reduce((a, b) => a + b, 0);
    return { measured: 'sqlite dbstat pages per table and its indexes', tables, totalBytes };
  } finally {
    db.close();
  }
}

/** PostgreSQL: pg_total_relation_size of every table in the schema the URL's search_path names. */
export async function postgresTableSizes(url: string): Promise<TableSizes> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ name: string; bytes: string }>(
      `select c.relname as name, pg_total_relation_size(c.oid)::text as bytes
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema()`,
    );
    const tables: Record<string, number> = {};
    for (const row of r.rows) tables[row.name] = Number(row.bytes);
    const totalBytes = Object.values(tables).reduce((a, b) => a + b, 0);
    return { measured: 'pg_total_relation_size per table (indexes, TOAST)', tables, totalBytes };
  } finally {
    await client.end();
  }
}
