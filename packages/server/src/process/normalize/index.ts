/**
 * process/normalize — pipeline stage 1: turns an `event`/`transaction` payload from any SDK
 * into a NormalizedEvent (Sentry's field names, every field absent or valid, title/culprit/
 * metadata computed, oversized data trimmed with processing notes). Sentry developer docs, Event Payloads;
 * docs/wire-format.md › Event payloads.
 * Pure: no I/O, no clock (receivedAt comes in; only a missing event id is generated, and that
 * is injectable), no store. Must not filter, scrub or group — those are the next stages — and
 * must never throw on any JSON input.
 */

export { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
export { type NormalizeContext, type NormalizeResult, normalizeEvent } from './normalize-event.js';
export type {
  Breadcrumb,
  EventMetadata,
  EventRequest,
  EventSdk,
  EventType,
  EventUser,
  ExceptionValue,
  Frame,
  Level,
  LogEntry,
  Measurement,
  Mechanism,
  NormalizedEvent,
  Pair,
  Span,
  Stacktrace,
  Thread,
} from './normalized-event.js';
export type { ProcessingNote } from './processing-notes.js';
export { parseUserAgent, type UserAgentInfo } from './user-agent.js';
