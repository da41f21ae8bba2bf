// @faultline/protocol — the Sentry wire format as types and pure functions: envelopes and
// items, item types and data categories, DSNs and auth headers, rate-limit headers, ids,
// timestamps, outcomes, Relay's size limits. Follows docs/wire-format.md and the Sentry pages it names.
// Must not do I/O (no fs, net, zlib, clock, randomness) or import other packages: ingest
// decompresses and size-limits bodies, then calls in here. Parsers return typed results
// ({ ok: false, reason }) and never throw or return null.

export { DATA_CATEGORIES, type DataCategory, isDataCategory } from './data-categories.js';
export { type Dsn, type DsnResult, dsnBaseUrl, formatDsn, parseDsn } from './dsn.js';
export type { Envelope, EnvelopeHeaders, EnvelopeItem, ItemHeaders } from './envelope.js';
export { type EventIdResult, normalizeEventId } from './ids.js';
export {
  type CategoryHint,
  type CategoryQuantity,
  dataCategoryOf,
  ITEM_TYPES,
  type ItemTypeInfo,
  isKnownItemType,
  itemTypeInfo,
  type KnownItemType,
  quantitiesOf,
} from './item-types.js';
export { isJsonObject, type JsonObject, type JsonPrimitive, type JsonValue } from './json.js';
export { RELAY_DEFAULT_LIMITS, type RelayLimits } from './limits.js';
export {
  CLIENT_DISCARD_REASONS,
  type ClientDiscardReason,
  type ClientReport,
  type ClientReportEntry,
  type ClientReportResult,
  type Outcome,
  type OutcomeKind,
  parseClientReport,
} from './outcomes.js';
export {
  DEFAULT_ENVELOPE_LIMITS,
  type EnvelopeLimits,
  type EnvelopeParseResult,
  parseEnvelope,
} from './parse-envelope.js';
export { DEFAULT_MAX_JSON_DEPTH, type JsonPayloadResult, parseJsonPayload } from './parse-json-payload.js';
export {
  DEFAULT_RETRY_AFTER_SECONDS,
  formatRateLimits,
  parseRateLimits,
  type RateLimit,
  type RateLimitScope,
  retryAfterSeconds,
  withLinkedCategories,
} from './rate-limits.js';
export type { Failure } from './result.js';
export {
  parseAuthorizationHeader,
  parseSentryAuthHeader,
  parseSentryAuthQuery,
  type QueryParams,
  type SentryAuth,
  type SentryAuthResult,
} from './sentry-auth.js';
export { type SerializableItem, type SerializeOptions, serializeEnvelope } from './serialize-envelope.js';
export { parseTimestamp, type TimestampResult } from './timestamps.js';
