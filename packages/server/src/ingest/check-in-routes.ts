import type { Readable } from 'node:stream';
import { parseEnvelope } from '@faultline/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { QueueWriter } from '../jobs/index.js';
import { type Clock, fail } from '../kernel/index.js';
import { acceptEnvelope } from './accept-envelope.js';
import { authenticate, requestOrigin } from './authenticate.js';
import { checkInBodyFields, checkInToEnvelope, dashedCheckInId, type HttpCheckIn, LATEST_CHECK_IN } from './check-in-bodies.js';
import { parseContentEncoding } from './content-encoding.js';
import { dsnCredentials, requestCredentials } from './credentials.js';
import type { EnvelopeSizeLimits } from './envelope-limits.js';
import type { IngestKey, KeyCache } from './key-cache.js';
import type { RateLimiter } from './rate-limiter.js';
import { readBody } from './read-body.js';

export interface CheckInRouteDeps {
  clock: Clock;
  queue: QueueWriter;
  keys: KeyCache;
  limiter: RateLimiter;
  limits: EnvelopeSizeLimits;
  /** the slug of the organization owning a project (the legacy API names it in the path) */
  orgSlugOfProject(projectId: number): Promise<string | undefined>;
}

type Params = { projectId?: string; monitorSlug: string; sentryKey?: string; org?: string; checkInId?: string };
type Req = FastifyRequest<{ Params: Params; Querystring: Record<string, string | string[]> }>;

/** A check-in body is a few fields and a monitor config. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The HTTP check-in endpoints (Sentry docs, Crons › HTTP:
 * https://docs.sentry.io/product/crons/getting-started/http/): Relay's curl-friendly
 * `/api/{project}/cron/{slug}/{key}/` and the legacy DSN-authenticated
 * `/api/0/organizations/{org}/monitors/{slug}/checkins/` (and older sentry-cli's
 * `/api/0/monitors/{slug}/checkins/`). Each request becomes one `check_in` envelope item and
 * takes the envelope path from rate limits on: the same queue, stage and outcomes as an SDK's.
 */
export function registerCheckInRoutes(app: FastifyInstance, deps: CheckInRouteDeps): void {
  const { clock, queue, keys, limiter, limits } = deps;

  async function enqueue(
    request: Req,
    key: IngestKey,
    checkIn: Omit<HttpCheckIn, 'fields'>,
    receivedAt: number,
  ): Promise<{ checkInId: string; headers: Record<string, string> }> {
    const codec = parseContentEncoding(request.headers['content-encoding']);
    const body = await readBody(request.body as Readable | undefined, codec, { maxWireBytes: MAX_BODY_BYTES, maxDecodedBytes: MAX_BODY_BYTES });
    const fields = { ...request.query, ...checkInBodyFields(body.decoded) };
    const { envelope, checkInId } = checkInToEnvelope({ ...checkIn, fields });
    const parsed = parseEnvelope(envelope, { maxItems: 1 });
    if (!parsed.ok) fail('bad_request', `invalid check-in: ${parsed.reason}`);
    const result = await acceptEnvelope(
      { queue, limiter, limits },
      {
        key,
        envelope: parsed.envelope,
        stored: { encoding: 'identity', bytes: envelope },
        decodedBytes: envelope.byteLength,
        receivedAt,
        clientIp: request.ip,
      },
    );
    return { checkInId, headers: result.headers };
  }

  function projectIdOf(raw: string | undefined): number {
    if (raw === undefined || !/^\d{1,15}$/.test(raw)) fail('bad_request', 'invalid project id in URL');
    return Number(raw);
  }

  // Relay's endpoint: the key in the path, or the usual ingest credentials; 202 with no body.
  async function relay(request: Req, reply: FastifyReply): Promise<unknown> {
    const receivedAt = clock.now();
    const projectId = projectIdOf(request.params.projectId);
    const credentials = request.params.sentryKey
      ? { source: 'query' as const, publicKey: request.params.sentryKey }
      : (requestCredentials(request.headers, request.query) ?? fail('not_authenticated', 'missing authorization information'));
    const key = await authenticate(keys, credentials, projectId, requestOrigin(request.headers));
    const { headers } = await enqueue(request, key, { slug: request.params.monitorSlug, durationUnit: 's', missingId: 'latest' }, receivedAt);
    return reply.code(202).headers(headers).send();
  }
  for (const path of ['/api/:projectId/cron/:monitorSlug/:sentryKey/', '/api/:projectId/cron/:monitorSlug/']) {
    app.get(path, relay);
    app.post(path, { bodyLimit: MAX_BODY_BYTES }, relay);
  }

  // The legacy API: `Authorization: DSN <dsn>` names the project; the organization in the path must own it.
  async function dsnKey(request: Req): Promise<IngestKey> {
    const header = request.headers.authorization;
    const m = typeof header === 'string' ? /^\s*DSN\s+(\S+)\s*$/i.exec(header) : null;
    if (m === null) fail('not_authenticated', 'check-ins over this API need the header Authorization: DSN <your DSN>');
    const credentials = dsnCredentials(m[1] as string);
    const key = await authenticate(keys, credentials, Number(credentials.dsnProjectId), requestOrigin(request.headers));
    if (request.params.org !== undefined && (await deps.orgSlugOfProject(key.projectId)) !== request.params.org)
      fail('permission_denied', "the DSN's project belongs to another organization");
    return key;
  }
  async function open(request: Req, reply: FastifyReply): Promise<unknown> {
    const receivedAt = clock.now();
    const key = await dsnKey(request);
    const { checkInId, headers } = await enqueue(request, key, { slug: request.params.monitorSlug, durationUnit: 'ms', missingId: 'new' }, receivedAt);
    const base = request.url.replace(/\?.*$/s, '');
    const id = dashedCheckInId(checkInId);
    return reply
      .code(201)
      .headers({ ...headers, link: `<${base}latest/>; rel="latest"`, location: `${base}${id}/` })
      .send({ id });
  }
  async function close(request: Req, reply: FastifyReply): Promise<unknown> {
    const receivedAt = clock.now();
    const key = await dsnKey(request);
    const named = request.params.checkInId === 'latest' ? LATEST_CHECK_IN : request.params.checkInId;
    const { checkInId, headers } = await enqueue(
      request,
      key,
      { slug: request.params.monitorSlug, durationUnit: 'ms', missingId: 'latest', ...(named === undefined ? {} : { checkInId: named }) },
      receivedAt,
    );
    return reply
      .code(200)
      .headers(headers)
      .send(checkInId === LATEST_CHECK_IN ? {} : { id: dashedCheckInId(checkInId) });
  }
  for (const base of ['/api/0/organizations/:org/monitors/:monitorSlug/checkins/', '/api/0/monitors/:monitorSlug/checkins/']) {
    app.post(base, { bodyLimit: MAX_BODY_BYTES }, open);
    app.put(`${base}:checkInId/`, { bodyLimit: MAX_BODY_BYTES }, close);
  }
}
