import { randomBytes } from 'node:crypto';
import { type ApiRequest, type ApiResponse, apiFetch, post, type TestServer } from '../testing/index.js';

/** Envelopes as the SDKs send feedback (Sentry developer docs, Envelope Items › User Feedback), for the black-box tests. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

export interface FeedbackOptions {
  eventId?: string;
  message?: unknown;
  email?: string;
  name?: string;
  associatedEventId?: string;
  replayId?: string;
  environment?: string;
  level?: string;
  traceId?: string;
  attachments?: { filename: string; contentType: string; bytes: Buffer }[];
}

export function feedbackEnvelope(o: FeedbackOptions = {}): Buffer {
  const eventId = o.eventId ?? newId();
  const feedback: Record<string, unknown> = { message: o.message ?? 'Something looks off on this page', url: 'https://shop.example.com/checkout' };
  if (o.email !== undefined) feedback.contact_email = o.email;
  if (o.name !== undefined) feedback.name = o.name;
  if (o.associatedEventId !== undefined) feedback.associated_event_id = o.associatedEventId;
  if (o.replayId !== undefined) feedback.replay_id = o.replayId;
  const payload: Record<string, unknown> = {
    type: 'feedback',
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: 'javascript',
    contexts: { feedback, ...(o.traceId === undefined ? {} : { trace: { trace_id: o.traceId, span_id: 'be9cc077aca48466' } }) },
    ...(o.environment === undefined ? {} : { environment: o.environment }),
    ...(o.level === undefined ? {} : { level: o.level }),
  };
  const parts: Buffer[] = [Buffer.from(`{"event_id":"${eventId}","sent_at":"${new Date().toISOString()}"}\n{"type":"feedback"}\n${JSON.stringify(payload)}\n`)];
  for (const a of o.attachments ?? []) {
    parts.push(
      Buffer.from(`${JSON.stringify({ type: 'attachment', length: a.bytes.length, filename: a.filename, content_type: a.contentType })}\n`),
      a.bytes,
      Buffer.from('\n'),
    );
  }
  return Buffer.concat(parts);
}

export function errorEnvelope(eventId: string, o: { environment?: string; user?: Record<string, string>; timestamp?: number } = {}): string {
  const payload = {
    event_id: eventId,
    timestamp: o.timestamp ?? Date.now() / 1000,
    platform: 'node',
    level: 'error',
    exception: { values: [{ type: 'TypeError', value: `checkout failed ${eventId.slice(0, 6)}` }] },
    ...(o.environment === undefined ? {} : { environment: o.environment }),
    ...(o.user === undefined ? {} : { user: o.user }),
  };
  return `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify(payload)}\n`;
}

export function userReportEnvelope(report: Record<string, unknown>): string {
  const eventId = typeof report.event_id === 'string' ? report.event_id : newId();
  return `{"event_id":"${eventId}"}\n{"type":"user_report"}\n${JSON.stringify(report)}\n`;
}

/** Posts an envelope and waits until the worker has processed everything queued. */
export async function ingest(server: TestServer, body: string | Buffer): Promise<void> {
  const res = await post(server, body);
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  await processed(server);
}

export async function processed(server: TestServer): Promise<void> {
  await server.app.jobs.queue.flush();
  await server.app.jobs.worker.drain();
}

export function callApi(server: TestServer, token = server.workspace.token) {
  return <T>(path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> => apiFetch<T>(server.url, `/api/0${path}`, { as: { token }, ...request });
}

export async function outcomes(server: TestServer): Promise<{ category: string; outcome: string; reason: string | null; quantity: number }[]> {
  const rows = await server.store.db.selectFrom('outcomes').selectAll().where('project_id', '=', server.workspace.projectId).execute();
  return rows.map((r) => ({
    category: String(r.category),
    outcome: String(r.outcome),
    reason: r.reason === '' ? null : (r.reason as string | null),
    quantity: Number(r.quantity),
  }));
}
