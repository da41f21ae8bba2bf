import type { RepoContext, StoreExecutor } from '../../store/index.js';

export interface EventDictionary {
  readonly id: number;
  readonly projectId: number;
  readonly groupHash: string;
  readonly createdAt: number;
  readonly bytes: Uint8Array;
}

export type NewEventDictionary = Omit<EventDictionary, 'id'>;

const rowsPerInsert = 200;

/**
 * A dictionary serves new events for a day, then its group starts a fresh one. So every
 * event using it was received before it was a day old, and retention may delete it once
 * it is older than the retention period plus that day (jobs/retention.ts keeps one more).
 */
export const DICTIONARY_SERVES_MS = 24 * 3600_000;

/**
 * Compression dictionaries of stored events (see event-payload-codec.ts), one per grouping
 * hash at a time. They are immutable; the pipeline starts a new one for a hash once the
 * current one is older than a day, so a dictionary is used only by events received within
 * a day of its creation and retention can delete it a day after those events.
 */
export function createEventDictionaryRepo({ db }: RepoContext) {
  return {
    /** The newest dictionary per hash created at or after `since`. */
    async newest(exec: StoreExecutor, projectId: number, hashes: readonly string[], since: number): Promise<Map<string, EventDictionary>> {
      const out = new Map<string, EventDictionary>();
      for (let i = 0; i < hashes.length; i += rowsPerInsert) {
        const rows = await exec
          .selectFrom('event_dictionaries')
          .selectAll()
          .where('project_id', '=', projectId)
          .where('group_hash', 'in', hashes.slice(i, i + rowsPerInsert))
          .where('created_at', '>=', since)
          .orderBy('id')
          .execute();
        for (const r of rows) out.set(r.group_hash, { id: r.id, projectId: r.project_id, groupHash: r.group_hash, createdAt: r.created_at, bytes: r.bytes });
      }
      return out;
    },

    async insert(trx: StoreExecutor, dictionaries: readonly NewEventDictionary[]): Promise<void> {
      for (let i = 0; i < dictionaries.length; i += rowsPerInsert) {
        const values = dictionaries
          .slice(i, i + rowsPerInsert)
          .map((d) => ({ project_id: d.projectId, group_hash: d.groupHash, created_at: d.createdAt, bytes: d.bytes }));
        await trx.insertInto('event_dictionaries').values(values).execute();
      }
    },

    /** Deletes a project's dictionaries created before `cutoff`; returns how many. */
    async deleteCreatedBefore(projectId: number, cutoff: number): Promise<number> {
      const r = await db.deleteFrom('event_dictionaries').where('project_id', '=', projectId).where('created_at', '<', cutoff).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type EventDictionaryRepo = ReturnType<typeof createEventDictionaryRepo>;
