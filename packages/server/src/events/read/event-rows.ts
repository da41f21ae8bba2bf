import type { Kysely } from 'kysely';
import { type KeysetCursor, type KeysetPage, keysetPage } from '../../http/index.js';
import type { Database } from '../../store/index.js';
import type { EventRow, StoredEventRow } from './event-json.js';

/**
 * Reads of stored events, all on indexes: (project_id, event_id) for one event, (issue_id,
 * received_at) for an issue's events and navigation, (project_id, received_at) for a project's.
 * Newest first by receive time, the row id breaking ties, keyset-paginated.
 */
export async function eventByEventId(db: Kysely<Database>, projectIds: readonly number[], eventId: string): Promise<EventRow | undefined> {
  if (projectIds.length === 0) return undefined;
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('project_id', 'in', [...projectIds])
    .where('event_id', '=', eventId.toLowerCase().replace(/-/g, ''))
    .executeTakeFirst();
  return row && (await withDictionaries(db, [row]))[0];
}

/** The compression dictionaries (../store/event-payload-codec.ts) these rows' payloads need, by id. */
export async function dictionariesOf(db: Kysely<Database>, rows: readonly { dictionary_id: number | null }[]): Promise<Map<number, Uint8Array>> {
  const ids = [...new Set(rows.map((r) => r.dictionary_id).filter((id) => id !== null))];
  const out = new Map<number, Uint8Array>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('event_dictionaries')
      .select(['id', 'bytes'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const d of found) out.set(d.id, d.bytes);
  }
  return out;
}

async function withDictionaries(db: Kysely<Database>, rows: readonly StoredEventRow[]): Promise<EventRow[]> {
  const bytesOf = await dictionariesOf(db, rows);
  return rows.map((r) => ({ ...r, dictionary: r.dictionary_id === null ? null : (bytesOf.get(r.dictionary_id) ?? null) }));
}

export interface EventPageQuery {
  readonly issueId?: number;
  readonly projectIds?: readonly number[];
  readonly environments?: readonly string[];
  readonly cursor: KeysetCursor | null;
  readonly limit: number;
}

export async function eventsPage(db: Kysely<Database>, q: EventPageQuery): Promise<KeysetPage<EventRow>> {
  let sel = db.selectFrom('events').selectAll();
  if (q.issueId !== undefined) sel = sel.where('issue_id', '=', q.issueId);
  if (q.projectIds !== undefined) sel = sel.where('project_id', 'in', q.projectIds.length === 0 ? [-1] : [...q.projectIds]);
  if (q.environments && q.environments.length > 0) sel = sel.where('environment', 'in', [...q.environments]);
  const c = q.cursor;
  if (c) sel = sel.where((eb) => eb(eb.refTuple('received_at', 'id'), c.backwards ? '>' : '<', eb.tuple(c.value, c.id)));
  const dir = c?.backwards ? 'asc' : 'desc';
  const rows = await sel
    .orderBy('received_at', dir)
    .orderBy('id', dir)
    .limit(q.limit + 1)
    .execute();
  return keysetPage(await withDictionaries(db, rows), q.limit, c, (r) => ({ value: r.received_at, id: r.id }));
}

/** The issue's newest or oldest event. */
export async function issueEdgeEvent(db: Kysely<Database>, issueId: number, edge: 'latest' | 'oldest'): Promise<EventRow | undefined> {
  const dir = edge === 'latest' ? 'desc' : 'asc';
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('issue_id', '=', issueId)
    .orderBy('received_at', dir)
    .orderBy('id', dir)
    .limit(1)
    .executeTakeFirst();
  return row && (await withDictionaries(db, [row]))[0];
}

/** The event ids just older (previous) and newer (next) within the same issue. */
export async function eventNeighbors(db: Kysely<Database>, row: EventRow): Promise<{ previous: string | null; next: string | null }> {
  if (row.issue_id === null) return { previous: null, next: null };
  const issueId = row.issue_id;
  const neighbor = async (older: boolean) => {
    const dir = older ? 'desc' : 'asc';
    const r = await db
      .selectFrom('events')
      .select('event_id')
      .where('issue_id', '=', issueId)
      .where((eb) => eb(eb.refTuple('received_at', 'id'), older ? '<' : '>', eb.tuple(row.received_at, row.id)))
      .orderBy('received_at', dir)
      .orderBy('id', dir)
      .limit(1)
      .executeTakeFirst();
    return r?.event_id ?? null;
  };
  const [previous, next] = await Promise.all([neighbor(true), neighbor(false)]);
  return { previous, next };
}
