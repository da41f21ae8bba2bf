import type { EnvelopeHeaders, ItemHeaders } from './envelope.js';
import { normalizeEventId, typeOfJson } from './ids.js';
import type { JsonObject } from './json.js';
import { type Failure, fail } from './result.js';

export type EnvelopeHeadersResult = { readonly ok: true; readonly headers: EnvelopeHeaders } | Failure;
export type ItemHeadersResult = { readonly ok: true; readonly headers: ItemHeaders } | Failure;

const ITEM_STRING_KEYS = ['content_type', 'filename', 'attachment_type', 'platform'] as const;

/**
 * Validates the envelope header keys we type (docs/wire-format.md › Envelope headers), in place. Relay
 * deserializes these into typed fields, so a malformed `event_id` or `dsn` fails the whole envelope there too
 * (a bad event id is a 400: docs/ingest.md › Limits).
 */
export function checkEnvelopeHeaders(raw: JsonObject): EnvelopeHeadersResult {
  if (raw.event_id === null) delete raw.event_id;
  if (raw.event_id !== undefined) {
    const id = normalizeEventId(raw.event_id);
    if (!id.ok) return fail(`envelope header event_id: ${id.reason}`);
    raw.event_id = id.id;
  }
  if (raw.dsn === null) delete raw.dsn;
  if (raw.dsn !== undefined && typeof raw.dsn !== 'string') {
    return fail(`envelope header dsn must be a string, got ${typeOfJson(raw.dsn)}`);
  }
  return { ok: true, headers: raw as EnvelopeHeaders };
}

/**
 * Validates an item header in place (Sentry developer docs, Envelopes › Item Headers): `type` is required; `length` and
 * `item_count` must be non-negative integers (Relay: `u32`); string-valued keys must be
 * strings. `null` means absent, as with serde's `Option`. Unknown keys are kept.
 */
export function checkItemHeaders(raw: JsonObject): ItemHeadersResult {
  if (typeof raw.type !== 'string' || raw.type === '') {
    return fail(`item header type must be a non-empty string, got ${typeOfJson(raw.type)}`);
  }
  for (const key of ['length', 'item_count'] as const) {
    const value = raw[key];
    if (value === null) delete raw[key];
    else if (value !== undefined && !isCount(value)) {
      return fail(`item header ${key} must be a non-negative integer, got ${describe(value)}`);
    }
  }
  for (const key of ITEM_STRING_KEYS) {
    const value = raw[key];
    if (value === null) delete raw[key];
    else if (value !== undefined && typeof value !== 'string') {
      return fail(`item header ${key} must be a string, got ${typeOfJson(value)}`);
    }
  }
  return { ok: true, headers: raw as ItemHeaders };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeOfJson(value);
}
