import { type Failure, fail } from './result.js';

export type EventIdResult = { readonly ok: true; readonly id: string } | Failure;

const PLAIN = /^[0-9a-fA-F]{32}$/;
const HYPHENATED = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Normalizes an event id (also used for `sid`, `check_in_id`, `replay_id`) to 32 lowercase
 * hex characters. SDKs send the plain form; sentry-cli sends a hyphenated UUID in the
 * envelope header and Python a hyphenated session `sid` (docs/wire-format.md › Ids and timestamps).
 * Anything else (braces, `urn:uuid:`, wrong length, non-hex) is rejected with a reason.
 * The nil UUID is accepted: for check-ins it means "the latest in-progress one" (same section).
 */
export function normalizeEventId(value: unknown): EventIdResult {
  if (typeof value !== 'string') return fail(`event id must be a string, got ${typeOfJson(value)}`);
  if (value.length === 32 && PLAIN.test(value)) return { ok: true, id: value.toLowerCase() };
  if (value.length === 36 && HYPHENATED.test(value)) {
    return { ok: true, id: value.replaceAll('-', '').toLowerCase() };
  }
  return fail('event id must be a UUID (32 hex characters, optionally hyphenated)');
}

/** `typeof` in JSON terms, for error reasons that never echo client data. */
export function typeOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
