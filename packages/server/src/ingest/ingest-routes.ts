import type { Readable } from 'node:stream';
import { parseEnvelope } from '@faultline/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.js';
import type { QueueWriter } from '../jobs/index.js';
import { type Clock, fail } from '../kernel/index.js';
import { acceptEnvelope } from './accept-envelope.js';
import { authenticate, requestOrigin } from './authenticate.js';
import { registerCheckInRoutes } from './check-in-routes.js';
import { parseContentEncoding } from './content-encoding.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { dsnCredentials, requestCredentials } from './credentials.js';
import { envelopeLimitsFromConfig } from './envelope-limits.js';
import type { KeyCache } from './key-cache.js';
import { securityBodyToEnvelope, storeBodyToEnvelope } from './legacy-bodies.js';
import { lingerOnClose } from './linger.js';
import type { RateLimiter } from './rate-limiter.js';
import { readBody } from './read-body.js';

export interface IngestRouteDeps {
  config: Config;
  clock: Clock;
  queue: QueueWriter;
  keys: KeyCache;
  limiter: RateLimiter;
  /** the slug of the organization owning a project (the legacy check-in API names it) */
  orgSlugOfProject(projectId: number): Promise<string | undefined>;
}

type Kind = 'envelope' | 'store' | 'security';
type IngestRequest = FastifyRequest<{ Params: { projectId: string }; Querystring: Record<string, string | string[]> }>;

const kinds: readonly Kind[] = ['envelope', 'store', 'security'];

/** Legacy clients print `X-Sentry-Error`: the `detail` of an error body, as plain ASCII. */
function sentryErrorHeader(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.startsWith('{"detail":')) return undefined;
  try {
    const detail = (JSON.parse(payload) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail.replace(/[^\x20-\x7e]/g, '?').slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The ingest endpoints as an encapsulated plugin: its catch-all content-type parser
 * hands handlers the raw request stream (any or no Content-Type, decoded here with
 * caps), and it does not touch how /api/0/ parses JSON.
 */
export function ingestRoutes(deps: IngestRouteDeps) {
  const { config, clock, queue, keys, limiter } = deps;
  const limits = envelopeLimitsFromConfig(config);

  async function handle(kind: Kind, request: IngestRequest, reply: FastifyReply): Promise<unknown> {
    const receivedAt = clock.now();
    if (!/^\d{1,15}$/.test(request.params.projectId)) fail('bad_request', 'invalid project id in URL');
    const projectId = Number(request.params.projectId);
    const declared = Number(headerText(request.headers['content-length']));
    if (declared > config.ingestMaxWireBytes) fail('payload_too_large', `Request body exceeds ${config.ingestMaxWireBytes} bytes`);
    const codec = parseContentEncoding(request.headers['content-encoding']);
    const fromRequest = requestCredentials(request.headers, request.query);
    const from = requestOrigin(request.headers);
    let key = fromRequest ? await authenticate(keys, fromRequest, projectId, from) : undefined;

    const maxDecodedBytes = kind === 'envelope' ? config.ingestMaxEnvelopeBytes : Math.min(config.ingestMaxEnvelopeBytes, config.ingestMaxStoreBytes);
    const body = await readBody(request.body as Readable | undefined, codec, { maxWireBytes: config.ingestMaxWireBytes, maxDecodedBytes });
    let envelopeBytes: Uint8Array = body.decoded;
    let stored: { encoding: string; bytes: Uint8Array } = body.stored;
    let storeEventId: string | undefined;
    if (kind === 'store') {
      const converted = storeBodyToEnvelope(body.decoded, maxDecodedBytes);
      envelopeBytes = converted.envelope;
      storeEventId = converted.eventId;
      stored = { encoding: 'identity', bytes: envelopeBytes };
    } else if (kind === 'security') {
      const query = request.query;
      envelopeBytes = securityBodyToEnvelope(body.decoded, headerText(request.headers['content-type']), {
        release: typeof query.sentry_release === 'string' ? query.sentry_release : undefined,
        environment: typeof query.sentry_environment === 'string' ? query.sentry_environment : undefined,
      });
      stored = { encoding: 'identity', bytes: envelopeBytes };
    }

    const parsed = parseEnvelope(envelopeBytes, { maxItems: config.ingestMaxItems });
    if (!parsed.ok) fail('bad_request', `invalid envelope: ${parsed.reason}`);
    if (!key) {
      const dsn = parsed.envelope.headers.dsn;
      if (dsn === undefined) fail('not_authenticated', 'missing authorization information');
      key = await authenticate(keys, dsnCredentials(dsn), projectId, from);
    }
    const result = await acceptEnvelope(
      { queue, limiter, limits },
      {
        key,
        envelope: parsed.envelope,
        stored,
        decodedBytes: envelopeBytes.byteLength,
        receivedAt,
        clientIp: request.ip,
        userAgent: headerText(request.headers['user-agent']),
      },
    );
    void reply.headers(result.headers);
    if (kind === 'security') return reply.code(201).send();
    const id = storeEventId ?? parsed.envelope.headers.event_id;
    return id === undefined ? {} : { id };
  }

  return async function plugin(app: FastifyInstance): Promise<void> {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.addHook('onRequest', async (request, reply) => {
      void reply.headers(corsHeaders(request.headers.origin));
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400) return payload;
      // A client still sending a body we refused is not read to the end: the connection closes.
      if (!request.raw.complete) {
        void reply.header('connection', 'close');
        lingerOnClose(request.raw);
      }
      const detail = sentryErrorHeader(payload);
      if (detail !== undefined) void reply.header('x-sentry-error', detail);
      return payload;
    });
    for (const kind of kinds) {
      const path = `/api/:projectId/${kind}/`;
      app.post(path, { bodyLimit: config.ingestMaxWireBytes }, (request, reply) => handle(kind, request as IngestRequest, reply));
      app.options(path, async (request, reply) => {
        void reply.headers(preflightHeaders(request.headers.origin, request.headers['access-control-request-headers']));
        return reply.code(200).send();
      });
    }
    registerCheckInRoutes(app, { clock, queue, keys, limiter, limits, orgSlugOfProject: deps.orgSlugOfProject });
  };
}
