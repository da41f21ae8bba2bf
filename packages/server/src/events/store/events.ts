import type { RepoContext, StoreExecutor } from '../../store/index.js';
import { decodePayload } from './event-payload-codec.js';

export interface NewStoredEvent {
  projectId: number;
  eventId: string;
  type: string;
  receivedAt: number;
  payloadEncoding: string;
  payload: Uint8Array;
  /** the compression dictionary a `deflate-dict` payload needs */
  dictionaryId?: number | null;
  /** Set by the processing pipeline (0003); absent for transactions. */
  issueId?: number | null;
  /** the event's own timestamp, ms */
  timestamp?: number | null;
  level?: string | null;
  environment?: string | null;
  release?: string | null;
  userKey?: string | null;
  title?: string | null;
}

export interface StoredEvent extends NewStoredEvent {
  id: number;
}

const rowsPerInsert = 500;

/** Persisted events and transactions; (project, event_id) is unique, so redelivery inserts nothing. */
export function createEventRepo({ db }: RepoContext) {
  return {
    /** Inserts what is new; returns the event ids actually inserted (duplicates are left out). */
    async insertNew(trx: StoreExecutor, events: readonly NewStoredEvent[]): Promise<Set<string>> {
      const inserted = new Set<string>();
      for (let i = 0; i < events.length; i += rowsPerInsert) {
        const values = events.slice(i, i + rowsPerInsert).map((e) => ({
          project_id: e.projectId,
          event_id: e.eventId,
          type: e.type,
          received_at: e.receivedAt,
          payload_encoding: e.payloadEncoding,
          payload: e.payload,
          dictionary_id: e.dictionaryId ?? null,
          issue_id: e.issueId ?? null,
          timestamp: e.timestamp ?? null,
          level: e.level ?? null,
          environment: e.environment ?? null,
          release: e.release ?? null,
          user_key: e.userKey ?? null,
          title: e.title ?? null,
        }));
        const rows = await trx
          .insertInto('events')
          .values(values)
          .onConflict((oc) => oc.columns(['project_id', 'event_id']).doNothing())
          .returning(['project_id', 'event_id'])
          .execute();
        for (const r of rows) inserted.add(`${r.project_id}:${r.event_id}`);
      }
      return inserted;
    },

    /** A stored event's document as JSON text, decompressed with its dictionary if it has one. */
    async documentText(event: Pick<StoredEvent, 'payloadEncoding' | 'payload' | 'dictionaryId'>): Promise<string> {
      const dictionary =
        event.dictionaryId == null
          ? null
          : ((await db.selectFrom('event_dictionaries').select('bytes').where('id', '=', event.dictionaryId).executeTakeFirst())?.bytes ?? null);
      return decodePayload(event.payloadEncoding, event.payload, dictionary).toString('utf8');
    },

    async byEventId(projectId: number, eventId: string): Promise<StoredEvent | undefined> {
      const r = await db.selectFrom('events').selectAll().where('project_id', '=', projectId).where('event_id', '=', eventId).executeTakeFirst();
      return (
        r && {
          id: r.id,
          projectId: r.project_id,
          eventId: r.event_id,
          type: r.type,
          receivedAt: r.received_at,
          payloadEncoding: r.payload_encoding,
          payload: r.payload,
          dictionaryId: r.dictionary_id,
          issueId: r.issue_id,
          timestamp: r.timestamp,
          level: r.level,
          environment: r.environment,
          release: r.release,
          userKey: r.user_key,
          title: r.title,
        }
      );
    },

    /**
     * Retention: deletes up to `limit` events of a project received before `before`; returns
     * how many. Callers loop, so no single statement holds the write lock for long.
     */
    async deleteReceivedBefore(projectId: number, before: number, limit: number): Promise<number> {
      // The trace index of error events (0014) goes with its events: same project, same cutoff.
      const traced = db.selectFrom('event_traces').select('event_id').where('project_id', '=', projectId).where('received_at', '<', before).limit(limit);
      await db.deleteFrom('event_traces').where('project_id', '=', projectId).where('event_id', 'in', traced).execute();
      const ids = db.selectFrom('events').select('id').where('project_id', '=', projectId).where('received_at', '<', before).limit(limit);
      const r = await db.deleteFrom('events').where('id', 'in', ids).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** event_id → number of rows; tests use it to prove exactly-once processing. */
    async countsByEventId(projectId: number): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('events')
        .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('project_id', '=', projectId)
        .groupBy('event_id')
        .execute();
      return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
    },
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;
