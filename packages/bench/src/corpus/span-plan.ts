import type { Rng } from './rng.js';
import { HTTP_METHODS, NOUNS, VERBS } from './vocabulary.js';

// What one traced request did, before it is written in either wire format (span-envelopes.ts):
// the segment (an express request, as in sentry-node-11.12.0/007 and /010) and 20–200 child
// spans — express middleware and the route handler as the SDK's Express integration records
// them, database queries with literals in them (the server normalizes those), outgoing HTTP
// calls and in-app functions. Durations are log-normal (a long right tail, as latencies are),
// per route; a few requests end in 4xx and 5xx.

export interface PlannedSpan {
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly op: string;
  /** the v1 `description`, the v2 `name` */
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: 'ok' | 'internal_error';
  readonly origin: string;
  /** further span attributes (v2) / `data` (v1), beside sentry.origin and sentry.op */
  readonly data: Readonly<Record<string, string | number | boolean>>;
}

export interface PlannedSegment {
  readonly spanId: string;
  /** the caller's span (the incoming `sentry-trace`), as the SDK records it */
  readonly parentSpanId: string;
  readonly method: string;
  readonly route: string;
  /** the concrete path requested */
  readonly path: string;
  readonly statusCode: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly userId: number;
  readonly userIp: string;
  readonly spans: readonly PlannedSpan[];
}

export const MIN_SPANS = 20;
export const MAX_SPANS = 200;

/** The routes of the benched app, each with its own median duration (ms). */
export const SPAN_ROUTES: readonly { readonly route: string; readonly medianMs: number }[] = [
  ...NOUNS.map((n, i) => ({ route: `/api/${n}s/:id`, medianMs: 20 + ((i * 37) % 180) })),
  ...NOUNS.slice(0, 10).map((n, i) => ({ route: `/api/${n}s`, medianMs: 60 + ((i * 53) % 400) })),
  // A cheap route, not `/health` or `/ping`: the default inbound filter drops health checks
  // (docs/performance.md › Spans), and processed would then never reach accepted.
  { route: '/api/version', medianMs: 3 },
  { route: '/api/search', medianMs: 350 },
  { route: '/api/reports/:id/export', medianMs: 1200 },
];

const MIDDLEWARE = ['query', 'expressInit', 'jsonParser', 'corsMiddleware', 'cookieParser', 'helmetMiddleware'];
const HOSTS = ['api.stripe.com', 'hooks.slack.com', 'auth.example.com', 'inventory.internal', 'search.internal:9200'];

/** Standard normal from two uniforms (Box–Muller). */
function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Log-normal around `medianMs`: most requests near it, a few many times slower. */
export function skewedDurationMs(rng: Rng, medianMs: number, sigma = 0.9): number {
  return Math.max(0.2, medianMs * Math.exp(sigma * gaussian(rng)));
}

function statusCodeOf(rng: Rng): number {
  const x = rng.next();
  if (x < 0.03) return rng.pick([500, 502, 503]);
  if (x < 0.07) return rng.pick([400, 401, 404, 409]);
  return rng.pick([200, 200, 200, 201, 204]);
}

function dbStatement(rng: Rng): string {
  const table = `${rng.pick(NOUNS)}s`;
  const id = rng.int(1, 999_999);
  switch (rng.int(0, 4)) {
    case 0:
      return `SELECT * FROM ${table} WHERE id = ${id}`;
    case 1:
      return `SELECT id, status, created_at FROM ${table} WHERE owner_id = ${id} AND status = '${rng.pick(['open', 'paid', 'closed'])}' ORDER BY created_at DESC LIMIT ${rng.pick([10, 25, 50])}`;
    case 2:
      return `UPDATE ${table} SET updated_at = '2026-11-21T15:30:${String(rng.int(10, 59))}Z', version = ${rng.int(1, 40)} WHERE id = ${id}`;
    case 3:
      return `INSERT INTO ${table} (id, owner_id, note) VALUES (${id}, ${rng.int(1, 5000)}, '${rng.pick(VERBS)} ${rng.pick(NOUNS)}')`;
    default:
      return `SELECT count(*) FROM ${table} WHERE owner_id IN (${rng.int(1, 5000)}, ${rng.int(1, 5000)}, ${rng.int(1, 5000)})`;
  }
}

/** A child span of kind chosen by weight, placed inside [from, to]. */
function childSpan(rng: Rng, parentSpanId: string, fromMs: number, toMs: number): PlannedSpan {
  const room = Math.max(0.05, toMs - fromMs);
  const startMs = fromMs + rng.next() * room * 0.9;
  const durationMs = Math.min(toMs - startMs, skewedDurationMs(rng, Math.max(0.1, room / 25), 1.1));
  const endMs = startMs + Math.max(0.01, durationMs);
  const base = { spanId: rng.hex(16), parentSpanId, startMs, endMs };
  const x = rng.next();
  if (x < 0.5) {
    const statement = dbStatement(rng);
    return {
      ...base,
      op: 'db',
      name: statement,
      status: rng.chance(0.005) ? 'internal_error' : 'ok',
      origin: 'auto.db.otel.postgres',
      data: { 'db.system': 'postgresql', 'db.name': 'app', 'db.statement': statement, 'db.user': 'app', 'net.peer.name': 'db.internal', 'net.peer.port': 5432 },
    };
  }
  if (x < 0.65) {
    const host = rng.pick(HOSTS);
    const method = rng.pick(['GET', 'GET', 'POST']);
    const url = `https://${host}/v1/${rng.pick(NOUNS)}s/${rng.hex(12)}`;
    const code = rng.chance(0.02) ? rng.pick([500, 503]) : 200;
    return {
      ...base,
      op: 'http.client',
      name: `${method} ${url}`,
      status: code >= 500 ? 'internal_error' : 'ok',
      origin: 'auto.http.otel.node_fetch',
      data: { 'http.request.method': method, 'url.full': url, 'server.address': host.split(':')[0] as string, 'http.response.status_code': code },
    };
  }
  if (x < 0.85) {
    const name = rng.pick(MIDDLEWARE);
    return { ...base, op: 'middleware', name, status: 'ok', origin: 'auto.http.express', data: { 'express.name': name, 'express.type': 'middleware' } };
  }
  const name = `${rng.pick(VERBS)}${rng.pick(NOUNS).replace(/^./, (c) => c.toUpperCase())}`;
  return { ...base, op: 'function', name, status: 'ok', origin: 'manual', data: { items: rng.int(1, 50) } };
}

/** One request of the benched app ending at `endMs`. */
export function planSegment(rng: Rng, endMs: number): PlannedSegment {
  const { route, medianMs } = rng.pick(SPAN_ROUTES);
  const method = route === '/api/version' || route.endsWith('/export') || route === '/api/search' ? 'GET' : rng.pick(HTTP_METHODS);
  const durationMs = skewedDurationMs(rng, medianMs);
  const startMs = endMs - durationMs;
  const spanId = rng.hex(16);
  const count = rng.int(MIN_SPANS, MAX_SPANS);
  // The express integration's first middleware and the route handler, as in the captures;
  // the handler holds the rest of the request's work.
  const handlerStart = startMs + durationMs * 0.05;
  const handler: PlannedSpan = {
    spanId: rng.hex(16),
    parentSpanId: spanId,
    op: 'handler',
    name: route,
    startMs: handlerStart,
    endMs: endMs - durationMs * 0.01,
    status: 'ok',
    origin: 'auto.http.express',
    data: { 'express.name': route, 'express.type': 'request_handler', 'http.route': route },
  };
  const spans: PlannedSpan[] = [
    { ...handler, spanId: rng.hex(16), op: 'middleware', name: 'query', endMs: handlerStart, data: { 'express.name': 'query', 'express.type': 'middleware' } },
    handler,
  ];
  while (spans.length < count) spans.push(childSpan(rng, rng.chance(0.8) ? handler.spanId : spanId, handlerStart, handler.endMs));
  const userId = rng.int(1, 5000);
  return {
    spanId,
    parentSpanId: rng.hex(16),
    method,
    route,
    path: route.replace(':id', String(rng.int(1, 99_999))),
    statusCode: statusCodeOf(rng),
    startMs,
    endMs,
    userId,
    userIp: `10.${(userId >> 8) & 255}.${userId & 255}.${rng.int(1, 254)}`,
    spans,
  };
}
