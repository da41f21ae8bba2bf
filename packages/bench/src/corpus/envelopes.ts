import type { JsonObject, SerializableItem } from '@faultline/protocol';
import { type ErrorType, fillMessage } from './error-types.js';
import { breadcrumbs, contexts, type Deployment, modules, newTrace, request, sdkInfo, seconds, tags, user } from './event-context.js';
import type { Rng } from './rng.js';
import { sourceLine } from './source-lines.js';
import { NOUNS, type Sdk } from './vocabulary.js';

/**
 * Where each send writes its fresh 32-hex id (envelope `event_id` + event `event_id`, or a
 * session's `sid`). A fixed-width sentinel lets the template record byte offsets once.
 */
export const ID_PLACEHOLDER = 'feedc0defeedc0defeedc0defeedc0de';

export type EnvelopeKind = 'error' | 'transaction' | 'session';

export interface EnvelopeSpec {
  readonly kind: EnvelopeKind;
  readonly headers: JsonObject;
  readonly items: readonly SerializableItem[];
  /** Error type index for errors, else null: lets the report tell how many issues to expect. */
  readonly errorType: number | null;
  /**
   * 'trace': the id slot is also the trace id, so it appears in every span and header that
   * names the trace (span-envelopes.ts) — any number of slots, at least one.
   */
  readonly idSlots?: 'trace';
}

// The JS SDKs write JSON items without `length` and no trailing newline (captures, all node files).
function jsonItem(type: string, payload: JsonObject): SerializableItem {
  return { headers: { type }, payload: JSON.stringify(payload), withLength: false };
}

function envelopeHeaders(sdk: Sdk, nowMs: number, trace: { traceId: string }, d: Deployment, withEventId: boolean): JsonObject {
  return {
    ...(withEventId ? { event_id: ID_PLACEHOLDER } : {}),
    sent_at: new Date(nowMs).toISOString(),
    sdk: { name: sdk.name, version: sdk.version },
    trace: { environment: d.environment, release: d.release, public_key: 'benchpublickey', trace_id: trace.traceId, sample_rate: '1' },
  };
}

export function errorEnvelope(rng: Rng, type: ErrorType, d: Deployment, nowMs: number, extraBytes: number): EnvelopeSpec {
  const trace = newTrace(rng);
  const outer: JsonObject = {
    type: type.type,
    value: fillMessage(rng, type.messagePattern),
    stacktrace: { frames: [...type.frames] },
    mechanism: { ...type.mechanism, ...(type.cause ? { exception_id: 0 } : {}) },
  };
  const values: JsonObject[] = type.cause
    ? [
        {
          type: type.cause.type,
          value: type.cause.value,
          stacktrace: { frames: [...type.cause.frames] },
          mechanism: { type: 'chained', source: 'cause', exception_id: 1, parent_id: 0, handled: type.mechanism.handled },
        },
        outer,
      ]
    : [outer];
  const event: JsonObject = {
    exception: { values },
    event_id: ID_PLACEHOLDER,
    level: type.level,
    platform: 'node',
    contexts: contexts(rng, trace, nowMs),
    server_name: d.serverName,
    timestamp: seconds(nowMs),
    environment: d.environment,
    release: d.release,
    sdk: sdkInfo(type.sdk),
    transaction: `${type.method} ${type.route}`,
    breadcrumbs: breadcrumbs(rng, 15, nowMs),
    request: request(rng, type.method, type.route, trace),
    user: user(rng),
    tags: tags(rng, type.route),
    extra: { attempt: rng.int(1, 3), ...(extraBytes > 0 ? { payload: filler(rng, extraBytes) } : {}) },
    modules: modules(),
  };
  return { kind: 'error', headers: envelopeHeaders(type.sdk, nowMs, trace, d, true), items: [jsonItem('event', event)], errorType: type.index };
}

/** Records of roughly `bytes` JSON: the "large extra" that pushes a Node event over the 32 KiB gzip threshold. */
function filler(rng: Rng, bytes: number): JsonObject[] {
  const rows: JsonObject[] = [];
  let size = 0;
  while (size < bytes) {
    const row: JsonObject = {
      id: rng.int(1, 1_000_000),
      [rng.pick(NOUNS)]: sourceLine(rng),
      ok: rng.chance(0.8),
      at: new Date(1_700_000_000_000 + rng.int(0, 1e9)).toISOString(),
    };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  return rows;
}

export function transactionEnvelope(rng: Rng, sdk: Sdk, route: string, method: string, d: Deployment, nowMs: number): EnvelopeSpec {
  const trace = newTrace(rng);
  const durationMs = rng.int(5, 1500);
  const start = nowMs - durationMs;
  const spans: JsonObject[] = [];
  const spanCount = rng.int(3, 30);
  for (let i = 0; i < spanCount; i++) {
    const s = start + rng.int(0, durationMs - 1);
    const isDb = rng.chance(0.5);
    spans.push({
      data: isDb
        ? {
            'sentry.origin': 'auto.db.otel.postgres',
            'sentry.op': 'db',
            'db.system': 'postgresql',
            'db.statement': `select * from ${rng.pick(NOUNS)}s where id = $1`,
          }
        : {
            'sentry.origin': 'auto.http.express',
            'sentry.op': 'middleware',
            'express.name': rng.pick(['query', 'expressInit', 'jsonParser', 'corsMiddleware']),
            'express.type': 'middleware',
          },
      description: isDb ? `select ${rng.pick(NOUNS)}s` : rng.pick(['query', 'expressInit', 'jsonParser', 'corsMiddleware']),
      op: isDb ? 'db' : 'middleware',
      parent_span_id: trace.spanId,
      span_id: rng.hex(16),
      start_timestamp: seconds(s),
      status: 'ok',
      timestamp: seconds(Math.min(nowMs, s + rng.int(0, 200))),
      trace_id: trace.traceId,
      origin: isDb ? 'auto.db.otel.postgres' : 'auto.http.express',
    });
  }
  const ctx = contexts(rng, trace, nowMs);
  const event: JsonObject = {
    contexts: {
      ...ctx,
      trace: {
        ...(ctx.trace as JsonObject),
        data: {
          'sentry.origin': 'auto.http.http_server',
          'sentry.op': 'http.server',
          'http.route': route,
          'http.request.method': method,
          'http.response.status_code': 200,
        },
        op: 'http.server',
        status: 'ok',
        origin: 'auto.http.http_server',
      },
      response: { status_code: 200 },
    },
    spans,
    start_timestamp: seconds(start),
    timestamp: seconds(nowMs),
    transaction: `${method} ${route}`,
    type: 'transaction',
    request: request(rng, method, route, trace),
    transaction_info: { source: 'route' },
    platform: 'node',
    server_name: d.serverName,
    event_id: ID_PLACEHOLDER,
    environment: d.environment,
    release: d.release,
    sdk: sdkInfo(sdk),
    user: user(rng),
    modules: modules(),
  };
  return { kind: 'transaction', headers: envelopeHeaders(sdk, nowMs, trace, d, true), items: [jsonItem('transaction', event)], errorType: null };
}

export function sessionEnvelope(rng: Rng, sdk: Sdk, d: Deployment, nowMs: number): EnvelopeSpec {
  const durationSec = rng.next() * 30;
  const status = rng.pick(['ok', 'ok', 'exited', 'crashed']);
  const session: JsonObject = {
    sid: ID_PLACEHOLDER,
    init: status === 'ok',
    started: new Date(nowMs - durationSec * 1000).toISOString(),
    timestamp: new Date(nowMs).toISOString(),
    status,
    errors: status === 'crashed' ? 1 : rng.int(0, 2),
    did: String(rng.int(1, 5000)),
    duration: durationSec,
    attrs: { release: d.release, environment: d.environment, ip_address: '{{auto}}' },
  };
  return {
    kind: 'session',
    headers: { sent_at: new Date(nowMs).toISOString(), sdk: { name: sdk.name, version: sdk.version } },
    items: [jsonItem('session', session)],
    errorType: null,
  };
}
