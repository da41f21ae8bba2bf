import { normalizeEventId } from '@faultline/protocol';
import { randomHex } from '../../kernel/index.js';
import { normalizeBreadcrumbs } from './breadcrumbs.js';
import { normalizeContexts } from './contexts.js';
import { copyObjectBag } from './copy-bag.js';
import { normalizeFingerprint, normalizeModules, normalizePlatform, normalizeRelease, normalizeSdk, normalizeShortName } from './event-attributes.js';
import { summarizeEvent } from './event-summary.js';
import { type EventClock, readClientTimestamp, resolveEventClock, toSeconds } from './event-timestamps.js';
import { normalizeExceptions, normalizeThreads } from './exceptions.js';
import { normalizeStacktrace } from './frames.js';
import { parseLevel } from './level.js';
import { BAG_LIMITS, STRING_LIMITS } from './limits.js';
import { normalizeLogEntry } from './log-entry.js';
import type { NormalizedEvent } from './normalized-event.js';
import { Notes, type ProcessingNote } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readString } from './read-json.js';
import { normalizeRequest } from './request.js';
import { normalizeTags } from './tags.js';
import { normalizeMeasurements, normalizeSpans } from './transaction.js';
import { normalizeUser } from './user.js';

export interface NormalizeContext {
  /** When ingest received the item, ms since the epoch. */
  readonly receivedAt: number;
  readonly projectId: number;
  /** The envelope item type; it decides `transaction` vs error/default, not the payload. */
  readonly itemType: 'event' | 'transaction';
  /**
   * `event_id` fills a missing payload id (docs/wire-format.md › Envelope headers); `sent_at` corrects client
   * clock drift.
   */
  readonly envelopeHeaders?: { readonly event_id?: unknown; readonly sent_at?: unknown } | undefined;
  /** The sender's address, for `{{auto}}` and inferred user IPs. */
  readonly clientIp?: string | undefined;
  /** Id for events that arrive without a usable one; random by default. */
  readonly newEventId?: (() => string) | undefined;
}

export type NormalizeResult =
  | { readonly ok: true; readonly event: NormalizedEvent; readonly notes: ProcessingNote[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Turns an `event`/`transaction` payload from any SDK into a NormalizedEvent (Sentry developer
 * docs, Event Payloads). Lenient like Relay: a field of the wrong type is removed with a note, oversized data
 * is trimmed with a note, and the only failure is a payload that is not a JSON object.
 * Never throws; never shares structure with `raw`.
 */
export function normalizeEvent(raw: unknown, ctx: NormalizeContext): NormalizeResult {
  if (!isRecord(raw)) return { ok: false, reason: `event payload must be a JSON object, got ${jsonTypeOf(raw)}` };
  if (!Number.isFinite(ctx.receivedAt)) return { ok: false, reason: 'receivedAt must be a finite number' };
  const notes = new Notes();
  const isTransaction = ctx.itemType === 'transaction';
  const clock = resolveEventClock(raw.timestamp, ctx.envelopeHeaders?.sent_at, ctx.receivedAt, notes);
  const platform = normalizePlatform(raw.platform, notes);
  const event: NormalizedEvent = {
    event_id: resolveEventId(raw.event_id, ctx, notes),
    project: ctx.projectId,
    type: 'default',
    level: parseLevel(raw.level, notes, 'level') ?? (isTransaction ? 'info' : 'error'),
    platform,
    timestamp: toSeconds(clock.timestampMs),
    receivedAt: ctx.receivedAt,
    title: '',
    culprit: '',
    metadata: {},
    tags: [],
  };
  if (isTransaction) put(event, 'start_timestamp', resolveStart(raw.start_timestamp, clock, event.timestamp, notes));
  put(event, 'logger', readString(raw.logger, notes, 'logger', STRING_LIMITS.logger));
  put(event, 'transaction', readString(raw.transaction, notes, 'transaction', STRING_LIMITS.culprit));
  put(event, 'transaction_info', readTransactionInfo(raw.transaction_info, notes));
  put(event, 'server_name', readString(raw.server_name, notes, 'server_name', STRING_LIMITS.symbol));
  put(event, 'release', normalizeRelease(raw.release, notes));
  put(event, 'dist', normalizeShortName(raw.dist, notes, 'dist'));
  put(event, 'environment', normalizeShortName(raw.environment, notes, 'environment'));
  put(event, 'logentry', normalizeLogEntry(raw.logentry, raw.message, notes));
  const exceptions = normalizeExceptions(raw.exception, notes);
  if (exceptions !== undefined) event.exception = { values: exceptions };
  const threads = normalizeThreads(raw.threads, notes);
  if (threads !== undefined) event.threads = { values: threads };
  put(event, 'stacktrace', normalizeStacktrace(raw.stacktrace, notes, 'stacktrace'));
  const breadcrumbs = normalizeBreadcrumbs(raw.breadcrumbs, clock, notes);
  if (breadcrumbs !== undefined) event.breadcrumbs = { values: breadcrumbs };
  const sdk = normalizeSdk(raw.sdk, notes);
  const inferIp = sdk?.settings?.infer_ip;
  put(event, 'user', normalizeUser(raw.user, { clientIp: ctx.clientIp, inferIp: typeof inferIp === 'string' ? inferIp : undefined, platform }, notes));
  put(event, 'request', normalizeRequest(raw.request, notes));
  put(event, 'contexts', normalizeContexts(raw.contexts, event.request?.headers, notes));
  event.tags = normalizeTags(raw.tags, notes);
  put(event, 'extra', copyObjectBag(raw.extra, BAG_LIMITS.extra, notes, 'extra'));
  put(event, 'modules', normalizeModules(raw.modules, notes));
  put(event, 'sdk', sdk);
  put(event, 'fingerprint', normalizeFingerprint(raw.fingerprint, notes));
  put(event, 'debug_meta', copyObjectBag(raw.debug_meta, BAG_LIMITS.structural, notes, 'debug_meta'));
  if (isTransaction) {
    put(event, 'spans', normalizeSpans(raw.spans, clock, notes));
    put(event, 'measurements', normalizeMeasurements(raw.measurements, notes));
  } else put(event, 'csp', copyObjectBag(raw.csp, BAG_LIMITS.structural, notes, 'csp'));
  put(event, '_meta', copyObjectBag(raw._meta, BAG_LIMITS.structural, notes, '_meta'));

  const summary = summarizeEvent(event, ctx.itemType);
  event.type = summary.type;
  event.title = summary.title;
  event.culprit = summary.culprit;
  event.metadata = summary.metadata;
  return { ok: true, event, notes: notes.finish() };
}

function resolveEventId(value: unknown, ctx: NormalizeContext, notes: Notes): string {
  if (value !== undefined && value !== null) {
    const id = normalizeEventId(value);
    if (id.ok) return id.id;
    notes.invalid('event_id', 'not a UUID; replaced');
  }
  const header = ctx.envelopeHeaders?.event_id;
  if (header !== undefined && header !== null) {
    const id = normalizeEventId(header);
    if (id.ok) return id.id;
  }
  const generated = normalizeEventId(ctx.newEventId?.() ?? randomHex(16));
  return generated.ok ? generated.id : randomHex(16);
}

function resolveStart(value: unknown, clock: EventClock, end: number, notes: Notes): number {
  const start = readClientTimestamp(value, clock);
  if (start === undefined) {
    notes.invalid('start_timestamp', 'missing or invalid; set to the end timestamp');
    return end;
  }
  if (start > end) {
    notes.invalid('start_timestamp', 'after the end timestamp; set to the end timestamp');
    return end;
  }
  return start;
}

function readTransactionInfo(value: unknown, notes: Notes): NormalizedEvent['transaction_info'] {
  if (!isRecord(value)) return undefined;
  const source = readString(value.source, notes, 'transaction_info.source', STRING_LIMITS.short);
  return source === undefined ? undefined : { source };
}
