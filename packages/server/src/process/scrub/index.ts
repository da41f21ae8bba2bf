/**
 * process/scrub — pipeline stage 3: server-side data scrubbing before anything is stored
 * (Sentry's data scrubber): sensitive key names, card numbers (Luhn), bearer/basic
 * credentials, URL passwords, cookies and auth headers, optionally IP addresses; per-project
 * extra sensitive fields and safe fields. Scrubs the normalized event in place, idempotently.
 * Pure: no I/O, no store. Must not run on raw payloads (normalize first) and must not log
 * the values it removes.
 */

export { IP_KEY_FRAGMENTS, SENSITIVE_KEY_FRAGMENTS, SENSITIVE_KEY_WORDS } from './key-rules.js';
export { type ScrubResult, scrubEvent } from './scrub-event.js';
export { createReplayScrubber, type ReplayScrubber } from './scrub-replay.js';
export {
  DEFAULT_SCRUB_SETTINGS,
  MAX_SCRUB_FIELD_LENGTH,
  MAX_SCRUB_FIELDS,
  parseScrubSettings,
  type ScrubSettings,
  type ScrubSettingsResult,
} from './scrub-settings.js';
export { scrubSpanBatches } from './scrub-spans.js';
export { FILTERED } from './scrub-string.js';
