import type { FastifyInstance } from 'fastify';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { attachmentJson } from '../read/attachment-json.js';
import { normalizeReportEventId } from '../user-report-input.js';
import type { FeedbackAccess } from './feedback-access.js';

type Params = { org: string; project: string; eventId: string };

/**
 * An event's stored attachments (https://docs.sentry.io/api/events/list-an-events-attachments/):
 * the list, one attachment's JSON, and its bytes with `?download`. The bytes are served as a
 * download that the browser must not sniff or run, whatever the sender called them.
 */
export function registerAttachmentRoutes(app: FastifyInstance, store: Store, access: FeedbackAccess): void {
  const base = '/api/0/projects/:org/:project/events/:eventId/attachments/';
  app.get<{ Params: Params }>(base, async (request) => {
    const { project } = await access.project(request, request.params.org, request.params.project, 'event:read');
    const eventId = normalizeReportEventId(request.params.eventId) ?? fail('not_found', 'Event not found');
    return (await store.eventAttachments.listForEvent(project.id, eventId)).map(attachmentJson);
  });
  app.get<{ Params: Params & { attachmentId: string }; Querystring: Record<string, string | undefined> }>(`${base}:attachmentId/`, async (request, reply) => {
    const { project } = await access.project(request, request.params.org, request.params.project, 'event:read');
    const eventId = normalizeReportEventId(request.params.eventId) ?? fail('not_found', 'Event not found');
    const id = /^\d{1,15}$/.test(request.params.attachmentId) ? Number(request.params.attachmentId) : fail('not_found', 'Attachment not found');
    const found = (await store.eventAttachments.bytes(project.id, eventId, id)) ?? fail('not_found', 'Attachment not found');
    if (request.query.download === undefined) return attachmentJson(found);
    const filename = found.name.replace(/[^\w.-]/g, '_');
    return reply
      .header('content-type', safeContentType(found.contentType))
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(Buffer.from(found.data));
  });
}

/** The stored type when it is a plain `type/subtype`, else a generic one: the header never carries what the sender wrote beyond that. */
function safeContentType(value: string): string {
  const base = (value.split(';')[0] ?? '').trim().toLowerCase();
  return /^[a-z0-9.+-]{1,64}\/[a-z0-9.+-]{1,128}$/.test(base) ? base : 'application/octet-stream';
}
