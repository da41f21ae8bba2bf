import { decodePayload } from '@faultline/server/dist/events/index.js';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Plain SQL reads, the same statements on SQLite and PostgreSQL. */
export interface RowReader {
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export function sqliteReader(file: string): RowReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

export async function postgresReader(url: string): Promise<RowReader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    all: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: () => client.end(),
  };
}

// Columns that hold a receive time, the wall clock or a generated id: the fast path and HTTP
// ingest must differ there (the seed's receive times are simulated), nowhere else.
const DIFFERS = new Set([
  'id',
  'created_at',
  'updated_at',
  'received_at',
  'first_seen',
  'last_seen',
  'hour',
  'first_event',
  'last_event',
  'date_started',
  'date_released',
  // How a document is compressed depends on batch boundaries (which event donates its group's dictionary); the decoded document is compared.
  'payload_encoding',
  'dictionary_id',
  'dictionary',
]);
// Columns naming an issue by id: compared as the issue's short id, which both paths assign in event order.
const ISSUE_REFS = new Set(['issue_id', 'merged_into_id']);

/**
 * Every row the processing pipeline leaves for a project's error events — issues, events (the
 * stored document decoded), hashes, users, hourly and tag counters, activity, outcomes,
 * releases — with receive times and generated ids left out and issue ids replaced by short
 * ids. Rows are sorted, so two snapshots are equal exactly when the same rows were written.
 */
export async function rowSnapshot(r: RowReader): Promise<Record<string, unknown[]>> {
  const shortIdOf = new Map((await r.all('select id, short_id from issues')).map((row) => [String(row.id), Number(row.short_id)]));
  const clean = (row: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (DIFFERS.has(k)) continue;
      if (ISSUE_REFS.has(k)) out[k] = v === null ? null : (shortIdOf.get(String(v)) ?? `unknown issue ${String(v)}`);
      else if (k === 'payload' && Buffer.isBuffer(v))
        out[k] = storedDocument(String(row.payload_encoding), v, Buffer.isBuffer(row.dictionary) ? row.dictionary : null);
      else out[k] = typeof v === 'bigint' ? Number(v) : v;
    }
    return out;
  };
  const table = async (sql: string) => (await r.all(sql)).map(clean).sort(byJson);
  return {
    issues: await table('select * from issues'),
    events: await table('select e.*, d.bytes as dictionary from events e left join event_dictionaries d on d.id = e.dictionary_id'),
    issue_hashes: await table('select * from issue_hashes'),
    issue_users: await table('select * from issue_users'),
    // Summed over the hour: the buckets follow the receive time.
    issue_hourly: await table('select issue_id, environment, release, sum(count) as n from issue_hourly group by issue_id, environment, release'),
    issue_tags: await table('select * from issue_tags'),
    issue_activity: await table('select * from issue_activity'),
    outcomes: await table('select project_id, category, outcome, reason, sum(quantity) as n from outcomes group by project_id, category, outcome, reason'),
    releases: await table('select r.version, r.ref, r.url, r.status, rp.project_id from releases r join release_projects rp on rp.release_id = r.id'),
    projects: await table('select id as project, issue_counter from projects'),
  };
}

/** The stored event document without its receive time. */
function storedDocument(encoding: string, payload: Buffer, dictionary: Buffer | null): unknown {
  const doc = JSON.parse(decodePayload(encoding, payload, dictionary).toString('utf8')) as Record<string, unknown>;
  delete doc.receivedAt;
  return doc;
}

const byJson = (a: unknown, b: unknown): number => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
