import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { saveUserReport, type UserReportShimWriter } from '../save-user-report.js';
import { normalizeReportEventId, parseUserReport, USER_REPORT_LIMITS } from '../user-report-input.js';
import { DIALOG_TEXTS, type DialogTexts, errorPageScript } from './error-page-script.js';
import type { FeedbackAccess } from './feedback-access.js';

export interface ErrorPageDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly access: FeedbackAccess;
  readonly shim: UserReportShimWriter;
}

const PATH = '/api/embed/error-page/';
/** The form has three short fields; nothing legitimate comes near this. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_TEXT_OPTION = 500;

type Query = Record<string, string | string[] | undefined>;

/**
 * Sentry's crash-report dialog (https://docs.sentry.io/platforms/javascript/user-feedback/#crash-report-modal):
 * GET answers the dialog's JavaScript, POST saves the form as a user report (source
 * `crash_report_embed_form`), OPTIONS the CORS preflight. The page that shows the dialog is on
 * the application's origin, so every answer carries CORS headers for it. A page outside the
 * project's Allowed Domains is refused with 403, as ingest refuses its events
 * (docs/feedback.md, docs/ingest.md › Allowed domains).
 */
export function registerErrorPageRoutes(app: FastifyInstance, deps: ErrorPageDeps): void {
  void app.register(async (scope) => {
    // Form bodies stay text here: urlencoded is parsed below, multipart through the WHATWG FormData parser.
    scope.addContentTypeParser(
      ['application/x-www-form-urlencoded', 'multipart/form-data'],
      { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.route({ method: 'OPTIONS', url: PATH, handler: async (request, reply) => cors(request, reply).code(200).send('') });
    scope.route({ method: 'GET', url: PATH, handler: async (request, reply) => serveDialog(request, reply) });
    scope.route({ method: 'POST', url: PATH, bodyLimit: MAX_BODY_BYTES, handler: async (request, reply) => submitForm(request, reply) });
  });

  async function target(request: FastifyRequest, reply: FastifyReply): Promise<{ eventId: string; projectId: number } | undefined> {
    const q = request.query as Query;
    const eventId = normalizeReportEventId(first(q.eventId));
    if (eventId === undefined) {
      void reply.code(400).send({ eventId: 'Missing or invalid parameter.' });
      return undefined;
    }
    const key = await deps.access.keyProject(first(q.dsn) ?? '');
    if (key === undefined) {
      void reply.code(404).send({ dsn: 'Missing or invalid parameter.' });
      return undefined;
    }
    if (!key.allowedOrigins.allows(first(request.headers.origin), first(request.headers.referer))) {
      void reply.code(403).send({ detail: "the page is not in the project's Allowed Domains" });
      return undefined;
    }
    return { eventId, projectId: key.projectId };
  }

  async function serveDialog(request: FastifyRequest, reply: FastifyReply) {
    cors(request, reply);
    const found = await target(request, reply);
    if (found === undefined) return reply;
    const q = request.query as Query;
    const texts = { ...DIALOG_TEXTS } as DialogTexts;
    for (const key of Object.keys(DIALOG_TEXTS) as (keyof DialogTexts)[]) {
      const v = first(q[key]);
      if (v !== undefined && v !== '') texts[key] = v.slice(0, MAX_TEXT_OPTION);
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const script = errorPageScript({
      texts,
      name: (first(q.name) ?? '').slice(0, USER_REPORT_LIMITS.name),
      email: (first(q.email) ?? '').slice(0, USER_REPORT_LIMITS.email),
      endpoint: `${deps.publicUrl.replace(/\/$/, '')}${PATH}${query}`,
    });
    return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-store').send(script);
  }

  async function submitForm(request: FastifyRequest, reply: FastifyReply) {
    cors(request, reply);
    const found = await target(request, reply);
    if (found === undefined) return reply;
    const fields = await formFields(request);
    const parsed = parseUserReport(fields, { eventId: found.eventId });
    if (!parsed.ok) return answer(request, reply, 400, { errors: { [parsed.field]: [parsed.reason] } });
    const saved = await deps.store.db.transaction().execute(async (trx) => {
      const result = await saveUserReport(
        deps.store,
        trx,
        { projectId: found.projectId, report: parsed.report, source: 'crash_report_embed_form' },
        deps.clock.now(),
      );
      if (result.ok)
        await deps.shim(trx, { projectId: found.projectId, report: parsed.report, environment: result.report.environment, source: 'crash_report_embed_form' });
      return result;
    });
    if (!saved.ok) return answer(request, reply, 409, { errors: { __all__: [saved.conflict] } });
    return answer(request, reply, 200, {});
  }
}

/** JSON, or (a request that accepts `text/javascript`) an empty script with the JSON in `X-Sentry-Context`, as Sentry answers. */
function answer(request: FastifyRequest, reply: FastifyReply, status: number, body: Record<string, unknown>) {
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('text/javascript')) {
    return reply.code(status).header('content-type', 'text/javascript').header('x-sentry-context', JSON.stringify(body)).send('');
  }
  return reply.code(status).send(body);
}

function cors(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const origin = request.headers.origin;
  return reply.headers({
    'access-control-allow-origin': typeof origin === 'string' && origin !== '' ? origin : '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Content-Type, Authorization, X-Requested-With',
    'access-control-expose-headers': 'X-Sentry-Context',
    vary: 'Accept, Origin',
  });
}

/** The form's fields from an urlencoded or multipart body (anything else: no fields, so a 400 names the first missing one). */
async function formFields(request: FastifyRequest): Promise<Record<string, string>> {
  const body = request.body;
  if (!Buffer.isBuffer(body)) return typeof body === 'object' && body !== null ? stringFields(body as Record<string, unknown>) : {};
  const type = String(request.headers['content-type'] ?? '');
  try {
    const form = type.startsWith('multipart/form-data')
      ? await new Response(body, { headers: { 'content-type': type } }).formData()
      : new URLSearchParams(body.toString('utf8'));
    const out: Record<string, string> = {};
    for (const key of ['name', 'email', 'comments']) {
      const v = form.get(key);
      if (typeof v === 'string') out[key] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function stringFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['name', 'email', 'comments']) if (typeof body[key] === 'string') out[key] = body[key] as string;
  return out;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
