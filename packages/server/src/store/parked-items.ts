import type { RepoContext, StoreExecutor } from './repo-context.js';

export interface NewParkedItem {
  projectId: number;
  type: string;
  eventId: string | null;
  receivedAt: number;
  envelopeHeaders: string;
  itemHeaders: string;
  payload: Uint8Array;
}

export interface ParkedItem extends NewParkedItem {
  id: number;
}

const rowsPerInsert = 500;

/** Accepted items kept verbatim until their processor exists; read them in id order by type. */
export function createParkedItemRepo({ db }: RepoContext) {
  return {
    async insert(trx: StoreExecutor, items: readonly NewParkedItem[]): Promise<void> {
      for (let i = 0; i < items.length; i += rowsPerInsert) {
        const values = items.slice(i, i + rowsPerInsert).map((p) => ({
          project_id: p.projectId,
          type: p.type,
          event_id: p.eventId,
          received_at: p.receivedAt,
          envelope_headers: p.envelopeHeaders,
          item_headers: p.itemHeaders,
          payload: p.payload,
        }));
        await trx.insertInto('parked_items').values(values).execute();
      }
    },

    /** Retention: deletes up to `limit` parked items of a project received before `before`; returns how many. */
    async deleteReceivedBefore(projectId: number, before: number, limit: number): Promise<number> {
      const ids = db.selectFrom('parked_items').select('id').where('project_id', '=', projectId).where('received_at', '<', before).limit(limit);
      const r = await db.deleteFrom('parked_items').where('id', 'in', ids).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async list(projectId: number): Promise<ParkedItem[]> {
      const rows = await db.selectFrom('parked_items').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        projectId: r.project_id,
        type: r.type,
        eventId: r.event_id,
        receivedAt: r.received_at,
        envelopeHeaders: r.envelope_headers,
        itemHeaders: r.item_headers,
        payload: r.payload,
      }));
    },
  };
}

export type ParkedItemRepo = ReturnType<typeof createParkedItemRepo>;
