import type { Kysely, Selectable } from 'kysely';
import { decodeEvent, dictionariesOf, pairs } from '../../events/index.js';
import type { Database } from '../../store/index.js';

export interface RecentEvent {
  readonly issueId: number;
  readonly projectId: number;
  readonly eventId: string;
  readonly receivedAt: number;
  readonly level: string;
  readonly environment: string | null;
  readonly release: string | null;
  readonly userKey: string | null;
  readonly tags: readonly (readonly [string, string])[];
  readonly isNew: boolean;
  readonly isRegression: boolean;
  readonly wasIgnoredAndCameBack: boolean;
}

export interface RecentEvents {
  /** oldest first */
  readonly events: RecentEvent[];
  /** the window held more events than `limit`: only the newest were read */
  readonly truncated: boolean;
}

/**
 * The newest `limit` error events of a project received in [start, end), oldest first.
 * The pipeline records each lifecycle change as issue activity stamped with the receive
 * time of the event that caused it (first_seen, set_regression, set_escalating), which
 * is how an event is told to have been new, a regression or a comeback. Tags live only
 * in the stored document, so they are decoded only when `withTags` asks for them.
 */
export async function recentErrorEvents(
  db: Kysely<Database>,
  q: { projectId: number; start: number; end: number; limit: number; withTags: boolean },
): Promise<RecentEvents> {
  const columns = ['id', 'issue_id', 'project_id', 'event_id', 'received_at', 'level', 'environment', 'release', 'user_key'] as const;
  const base = db
    .selectFrom('events')
    .where('project_id', '=', q.projectId)
    .where('received_at', '>=', q.start)
    .where('received_at', '<', q.end)
    .where('type', '=', 'event')
    .where('issue_id', 'is not', null)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  type Row = Pick<Selectable<Database['events']>, (typeof columns)[number]> & {
    payload?: Uint8Array;
    payload_encoding?: string;
    dictionary_id?: number | null;
  };
  const rows: Row[] = q.withTags
    ? await base.select([...columns, 'payload', 'payload_encoding', 'dictionary_id']).execute()
    : await base.select([...columns]).execute();
  const truncated = rows.length > q.limit;
  const kept = rows.slice(0, q.limit).reverse();
  const issueIds = [...new Set(kept.map((r) => r.issue_id as number))];
  const marks = new Map<string, string[]>();
  for (let i = 0; i < issueIds.length; i += 500) {
    const activity = await db
      .selectFrom('issue_activity')
      .select(['issue_id', 'type', 'created_at'])
      .where('issue_id', 'in', issueIds.slice(i, i + 500))
      .where('type', 'in', ['first_seen', 'set_regression', 'set_escalating'])
      .where('created_at', '>=', q.start)
      .execute();
    for (const a of activity) {
      const key = `${a.issue_id}:${a.created_at}`;
      marks.set(key, [...(marks.get(key) ?? []), a.type]);
    }
  }
  const dictionaries = q.withTags
    ? await dictionariesOf(
        db,
        kept.map((r) => ({ dictionary_id: r.dictionary_id ?? null })),
      )
    : new Map<number, Uint8Array>();
  const events = kept.map((r): RecentEvent => {
    const key = `${r.issue_id}:${r.received_at}`;
    // Several events can share a receive time (one batch); the first of them caused the change.
    const types = marks.get(key) ?? [];
    marks.delete(key);
    const doc =
      r.payload !== undefined && r.payload_encoding !== undefined
        ? decodeEvent({ payload: r.payload, payload_encoding: r.payload_encoding, dictionary: dictionaries.get(r.dictionary_id ?? -1) ?? null }).doc
        : {};
    return {
      issueId: r.issue_id as number,
      projectId: r.project_id,
      eventId: r.event_id,
      receivedAt: r.received_at,
      level: r.level ?? 'error',
      environment: r.environment,
      release: r.release,
      userKey: r.user_key,
      tags: pairs(doc.tags),
      isNew: types.includes('first_seen'),
      isRegression: types.includes('set_regression'),
      wasIgnoredAndCameBack: types.includes('set_escalating'),
    };
  });
  return { events, truncated };
}
