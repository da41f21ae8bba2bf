import type { EventAttachmentRecord } from '../store/attachment-repo.js';

/** Sentry's event attachment JSON (https://docs.sentry.io/api/events/list-an-events-attachments/). */
export function attachmentJson(a: EventAttachmentRecord) {
  return {
    id: String(a.id),
    event_id: a.eventId,
    type: a.attachmentType,
    name: a.name,
    mimetype: a.contentType,
    size: a.size,
    sha1: a.sha1,
    headers: { 'Content-Type': a.contentType },
    dateCreated: new Date(a.dateCreated).toISOString(),
  };
}
