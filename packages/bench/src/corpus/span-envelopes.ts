import type { JsonObject, JsonValue, SerializableItem } from '@faultline/protocol';
import { type EnvelopeSpec, ID_PLACEHOLDER } from './envelopes.js';
import { contexts, type Deployment, modules, sdkInfo } from './event-context.js';
import type { Rng } from './rng.js';
import type { PlannedSegment, PlannedSpan } from './span-plan.js';
import { INTEGRATIONS, type Sdk } from './vocabulary.js';

// A planned request written the two ways the Node SDK sends it: a v1 `transaction` event with
// its `spans` (sentry-node-11.12.0/010-express-static, sentry-node-8.55.2/009-express) and a
// v2 span container, `{"version":2,"items":[…]}` with typed attributes (sentry-node-11.12.0/
// 007-express, the default of span streaming). Field names and nesting are the captures'.
// The trace id is the id slot (ID_PLACEHOLDER): every send is a new trace, so the server
// stores a new trace segment each time; a v1 transaction's event id is the same 32 hex.

const TRACE_ID = ID_PLACEHOLDER;

/** Seconds with microseconds, as the SDK writes span timestamps (1795275044.3593822). */
function ts(ms: number): number {
  return Math.round(ms * 1000) / 1e6;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The span status the SDK derives from an HTTP status (Sentry's span status list, "Span Status" in the developer docs). */
function httpSpanStatus(code: number): string {
  if (code < 400) return 'ok';
  return (
    { 400: 'invalid_argument', 401: 'unauthenticated', 404: 'not_found', 409: 'already_exists', 502: 'internal_error', 503: 'unavailable' }[code] ??
    'internal_error'
  );
}

function envelopeHeaders(sdk: Sdk, d: Deployment, sentAtMs: number, sampleRand: string, withEventId: boolean): JsonObject {
  return {
    ...(withEventId ? { event_id: TRACE_ID } : {}),
    sent_at: new Date(sentAtMs).toISOString(),
    sdk: { name: sdk.name, version: sdk.version },
    trace: { environment: d.environment, release: d.release, public_key: 'benchpublickey', trace_id: TRACE_ID, sample_rand: sampleRand, sample_rate: '1' },
  };
}

/** The segment's request attributes (the http.server span's `data` in 010, its attributes in 007). */
function requestData(seg: PlannedSegment, d: Deployment): Record<string, JsonValue> {
  const port = 3000;
  return {
    'sentry.origin': 'auto.http.http_server',
    'sentry.op': 'http.server',
    'sentry.segment.name.source': 'route',
    'sentry.sample_rate': 1,
    'sentry.kind': 'server',
    'url.full': `http://${d.serverName}:${port}${seg.path}`,
    'url.path': seg.path,
    'http.request.method': seg.method,
    'user_agent.original': 'okhttp/4.12.0',
    'url.scheme': 'http',
    'server.address': d.serverName,
    'network.protocol.name': 'http',
    'network.protocol.version': '1.1',
    'network.transport': 'tcp',
    'http.request.header.cookie': ['sid=[Filtered]'],
    'http.request.header.user-agent': ['okhttp/4.12.0'],
    'http.request.header.host': [`${d.serverName}:${port}`],
    'http.request.header.sentry-trace': [`${TRACE_ID}-${seg.parentSpanId}`],
    'http.request.header.baggage': [
      `sentry-environment=${d.environment},sentry-release=${encodeURIComponent(d.release)},sentry-public_key=benchpublickey,sentry-trace_id=${TRACE_ID}`,
    ],
    'http.request.header.connection': ['keep-alive'],
    'http.route': seg.route,
    'http.response.status_code': seg.statusCode,
    'http.response.status_text': STATUS_TEXT[seg.statusCode] ?? '',
    'client.address': seg.userIp,
    'server.port': port,
    'network.local.address': '::ffff:10.0.0.2',
    'network.local.port': port,
    'client.port': 40_000 + (seg.userId % 20_000),
    'network.peer.address': seg.userIp,
    'network.peer.port': 40_000 + (seg.userId % 20_000),
  };
}

function v1Span(s: PlannedSpan): JsonObject {
  return {
    data: { 'sentry.origin': s.origin, 'sentry.op': s.op, ...s.data },
    description: s.name,
    op: s.op,
    parent_span_id: s.parentSpanId,
    span_id: s.spanId,
    start_timestamp: ts(s.startMs),
    status: s.status,
    timestamp: ts(s.endMs),
    trace_id: TRACE_ID,
    origin: s.origin,
  };
}

function jsonItem(headers: JsonObject & { readonly type: string }, payload: JsonObject): SerializableItem {
  // The JS SDKs write JSON items without `length` and no trailing newline (all node captures).
  return { headers, payload: JSON.stringify(payload), withLength: false };
}

/** A v1 transaction event carrying the planned spans. */
export function transactionSpanEnvelope(rng: Rng, sdk: Sdk, seg: PlannedSegment, d: Deployment): EnvelopeSpec {
  const trace = { traceId: TRACE_ID, spanId: seg.spanId };
  const ctx = contexts(rng, trace, seg.endMs);
  const event: JsonObject = {
    contexts: {
      ...ctx,
      trace: {
        parent_span_id: seg.parentSpanId,
        span_id: seg.spanId,
        trace_id: TRACE_ID,
        data: requestData(seg, d),
        op: 'http.server',
        status: httpSpanStatus(seg.statusCode),
        origin: 'auto.http.http_server',
      },
      response: { status_code: seg.statusCode },
    },
    spans: seg.spans.map(v1Span),
    start_timestamp: ts(seg.startMs),
    timestamp: ts(seg.endMs),
    transaction: `${seg.method} ${seg.route}`,
    type: 'transaction',
    request: {
      headers: {
        'user-agent': 'okhttp/4.12.0',
        cookie: '[Filtered]',
        host: `${d.serverName}:3000`,
        'sentry-trace': `${TRACE_ID}-${seg.parentSpanId}`,
        connection: 'keep-alive',
      },
      method: seg.method,
      url: `http://${d.serverName}:3000${seg.path}`,
      cookies: { sid: '[Filtered]' },
    },
    transaction_info: { source: 'route' },
    platform: 'node',
    server_name: d.serverName,
    event_id: TRACE_ID,
    environment: d.environment,
    release: d.release,
    sdk: sdkInfo(sdk),
    user: { id: String(seg.userId), email: `user${seg.userId}@example.com`, ip_address: seg.userIp },
    modules: modules(),
  };
  const headers = envelopeHeaders(sdk, d, seg.endMs + rng.int(1, 400), rng.next().toFixed(16), true);
  return { kind: 'transaction', headers, items: [jsonItem({ type: 'transaction' }, event)], errorType: null, idSlots: 'trace' };
}

type Attribute = { value: JsonValue; type: 'string' | 'integer' | 'double' | 'boolean' | 'array' };

function typed(value: JsonValue): Attribute {
  if (Array.isArray(value)) return { value, type: 'array' };
  if (typeof value === 'boolean') return { value, type: 'boolean' };
  if (typeof value === 'number') return { value, type: Number.isInteger(value) ? 'integer' : 'double' };
  return { value, type: 'string' };
}

function attributes(values: Record<string, JsonValue>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(values)) out[k] = typed(v);
  return out;
}

/** The same request as a v2 span container: the children first, the segment last (it ends last), as in 007. */
export function spanContainerEnvelope(rng: Rng, sdk: Sdk, seg: PlannedSegment, d: Deployment): EnvelopeSpec {
  const segmentName = `${seg.method} ${seg.route}`;
  const common = {
    'sentry.trace_lifecycle': 'stream',
    'sentry.segment.name': segmentName,
    'sentry.segment.id': seg.spanId,
    'sentry.sdk.name': sdk.name,
    'sentry.sdk.version': sdk.version,
    'sentry.release': d.release,
    'sentry.environment': d.environment,
  };
  const items: JsonObject[] = seg.spans.map((s) => ({
    name: s.name,
    span_id: s.spanId,
    trace_id: TRACE_ID,
    parent_span_id: s.parentSpanId,
    start_timestamp: ts(s.startMs),
    end_timestamp: ts(s.endMs),
    is_segment: false,
    status: s.status === 'ok' ? 'ok' : 'error',
    attributes: attributes({
      'sentry.origin': s.origin,
      'sentry.op': s.op,
      ...s.data,
      ...(s.status === 'ok' ? {} : { 'sentry.status.message': s.status }),
      ...common,
    }),
  }));
  const failed = seg.statusCode >= 500;
  items.push({
    name: segmentName,
    span_id: seg.spanId,
    trace_id: TRACE_ID,
    parent_span_id: seg.parentSpanId,
    start_timestamp: ts(seg.startMs),
    end_timestamp: ts(seg.endMs),
    is_segment: true,
    status: failed ? 'error' : 'ok',
    attributes: attributes({
      ...requestData(seg, d),
      ...(failed ? { 'sentry.status.message': httpSpanStatus(seg.statusCode) } : {}),
      ...common,
      'sentry.sdk.integrations': [...INTEGRATIONS, 'SpanStreaming'],
      'user.id': String(seg.userId),
      'user.email': `user${seg.userId}@example.com`,
      'user.ip_address': seg.userIp,
      'process.runtime.engine.name': 'v8',
      'process.runtime.engine.version': '11.3.244.8-node.38',
      'device.archs': ['x64'],
      'device.memory_size': 25_276_502_016,
      'device.processor_count': 2,
      'device.cpu_description': 'Intel(R) Xeon(R) Processor',
      'culture.locale': 'en-US',
      'culture.timezone': 'UTC',
      'app.memory': rng.int(90_000_000, 400_000_000),
    }),
  });
  const headers = envelopeHeaders(sdk, d, seg.endMs + rng.int(1, 400), rng.next().toFixed(16), false);
  const itemHeaders = { type: 'span', item_count: items.length, content_type: 'application/vnd.sentry.items.span.v2+json' };
  return { kind: 'transaction', headers, items: [jsonItem(itemHeaders, { version: 2, items })], errorType: null, idSlots: 'trace' };
}
