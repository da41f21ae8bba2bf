import { createHash } from 'node:crypto';
import type { RepoContext, StoreExecutor } from '../../store/index.js';

export interface NewEventAttachment {
  readonly projectId: number;
  readonly eventId: string;
  readonly name: string;
  readonly contentType: string;
  readonly attachmentType: string;
  readonly data: Uint8Array;
  readonly dateCreated: number;
}

export interface EventAttachmentRecord {
  readonly id: number;
  readonly projectId: number;
  readonly eventId: string;
  readonly name: string;
  readonly contentType: string;
  readonly attachmentType: string;
  readonly size: number;
  readonly sha1: string;
  readonly dateCreated: number;
}

/** event_attachments: the bytes of a feedback event's attachments, small enough (limits in docs/feedback.md) to live in the database. */
export function createEventAttachmentRepo({ db }: RepoContext) {
  const columns = ['id', 'project_id', 'event_id', 'name', 'content_type', 'attachment_type', 'size', 'sha1', 'date_created'] as const;
  const recordOf = (r: {
    id: number;
    project_id: number;
    event_id: string;
    name: string;
    content_type: string;
    attachment_type: string;
    size: number;
    sha1: string;
    date_created: number;
  }): EventAttachmentRecord => ({
    id: r.id,
    projectId: r.project_id,
    eventId: r.event_id,
    name: r.name,
    contentType: r.content_type,
    attachmentType: r.attachment_type,
    size: Number(r.size),
    sha1: r.sha1,
    dateCreated: Number(r.date_created),
  });
  return {
    async insert(trx: StoreExecutor, list: readonly NewEventAttachment[]): Promise<void> {
      if (list.length === 0) return;
      await trx
        .insertInto('event_attachments')
        .values(
          list.map((a) => ({
            project_id: a.projectId,
            event_id: a.eventId,
            name: a.name,
            content_type: a.contentType,
            attachment_type: a.attachmentType,
            size: a.data.byteLength,
            sha1: createHash('sha1').update(a.data).digest('hex'),
            data: a.data,
            date_created: a.dateCreated,
          })),
        )
        .execute();
    },

    /** Retention: attachments stored before `cutoff` (their feedback event goes at the same age), at most `limit` per call. */
    async deleteBefore(projectId: number, cutoff: number, limit: number): Promise<number> {
      const doomed = db.selectFrom('event_attachments').select('id').where('project_id', '=', projectId).where('date_created', '<', cutoff).limit(limit);
      const result = await db.deleteFrom('event_attachments').where('id', 'in', doomed).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async listForEvent(projectId: number, eventId: string): Promise<EventAttachmentRecord[]> {
      const rows = await db
        .selectFrom('event_attachments')
        .select(columns)
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .orderBy('id')
        .execute();
      return rows.map(recordOf);
    },

    async bytes(projectId: number, eventId: string, id: number): Promise<(EventAttachmentRecord & { data: Uint8Array }) | undefined> {
      const row = await db
        .selectFrom('event_attachments')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { ...recordOf(row), data: row.data };
    },
  };
}
