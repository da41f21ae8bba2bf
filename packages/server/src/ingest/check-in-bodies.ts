import { isJsonObject, type JsonObject, parseJsonPayload, serializeEnvelope } from '@faultline/protocol';
import { fail, randomHex } from '../kernel/index.js';

/** The nil id: an `ok`/`error` without an id closes the latest `in_progress` run (Sentry's check-in protocol). */
export const LATEST_CHECK_IN = '00000000000000000000000000000000';

const STATUSES = new Set(['in_progress', 'ok', 'error']);
const MAX_SLUG_CHARS = 200;

export interface HttpCheckIn {
  readonly slug: string;
  /** query parameters and, when sent, the JSON body's fields (the body wins) */
  readonly fields: Record<string, unknown>;
  /** the check-in this request names (legacy PUT), else the request's `check_in_id` or a new one */
  readonly checkInId?: string;
  /** the Relay endpoint takes seconds, the legacy API milliseconds */
  readonly durationUnit: 's' | 'ms';
  /** when the request names no check-in: a fresh id (legacy POST answers with it) or the nil id */
  readonly missingId: 'new' | 'latest';
}

/** The JSON object of a request body; an empty body is no fields. */
export function checkInBodyFields(body: Buffer): JsonObject {
  if (body.byteLength === 0 || body.toString('utf8').trim() === '') return {};
  const parsed = parseJsonPayload(body);
  if (!parsed.ok) fail('bad_request', `invalid check-in body: ${parsed.reason}`);
  if (!isJsonObject(parsed.value)) fail('bad_request', 'invalid check-in body: expected a JSON object');
  return parsed.value;
}

/**
 * An HTTP check-in (Sentry docs, Crons › HTTP: https://docs.sentry.io/product/crons/getting-started/http/)
 * as the envelope an SDK would have sent: one `check_in` item, processed by the same stage.
 * Only what a client can get wrong in the request itself is refused here (400: status,
 * duration, id); the monitor and its config are the stage's, which gives them an outcome.
 */
export function checkInToEnvelope(input: HttpCheckIn): { envelope: Uint8Array; checkInId: string } {
  const f = input.fields;
  if (input.slug.length === 0 || input.slug.length > MAX_SLUG_CHARS) fail('bad_request', 'invalid check-in: monitor slug missing or too long');
  const status = text(f.status);
  if (status === undefined || !STATUSES.has(status)) fail('bad_request', 'invalid check-in: status must be one of in_progress, ok, error');
  let checkInId = input.checkInId ?? text(f.check_in_id);
  if (checkInId !== undefined) {
    checkInId = checkInId.replace(/-/g, '').toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(checkInId)) fail('bad_request', 'invalid check-in: check_in_id must be a UUID');
  } else checkInId = input.missingId === 'new' ? randomHex(16) : LATEST_CHECK_IN;
  const payload: JsonObject = { check_in_id: checkInId, monitor_slug: input.slug, status };
  if (f.duration !== undefined && f.duration !== null && f.duration !== '') {
    const duration = typeof f.duration === 'number' ? f.duration : Number(text(f.duration));
    if (!Number.isFinite(duration) || duration < 0) fail('bad_request', 'invalid check-in: duration must be a non-negative number');
    payload.duration = input.durationUnit === 'ms' ? duration / 1000 : duration;
  }
  const environment = text(f.environment);
  if (environment !== undefined && environment !== '') payload.environment = environment;
  if (f.monitor_config !== undefined) payload.monitor_config = f.monitor_config as JsonObject;
  const envelope = serializeEnvelope({}, [{ headers: { type: 'check_in' }, payload: JSON.stringify(payload) }]);
  return { envelope, checkInId };
}

/** A query parameter may repeat (the first counts); a JSON field must be a string. */
function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/** `8f7c…` (32 hex) as Sentry prints check-in ids: a dashed UUID. */
export function dashedCheckInId(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
