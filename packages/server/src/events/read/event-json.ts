import type { Selectable } from 'kysely';
import type { Database } from '../../store/index.js';
import { decodePayload } from '../store/event-payload-codec.js';
import { eventEntries } from './event-entries.js';
import { arr, isoFromSeconds, type JsonObject, num, obj, str } from './json-read.js';

export type StoredEventRow = Selectable<Database['events']>;
/** An events row with the compression dictionary its payload needs, if any. */
export type EventRow = StoredEventRow & { dictionary: Uint8Array | null };

/** The stored document, decompressed; a payload that cannot be read shows as an empty event. */
export function decodeEvent(row: Pick<EventRow, 'payload' | 'payload_encoding' | 'dictionary'>): { doc: JsonObject; size: number } {
  let bytes: Buffer;
  try {
    bytes = decodePayload(row.payload_encoding, row.payload, row.dictionary);
  } catch {
    return { doc: {}, size: 0 };
  }
  try {
    return { doc: obj(JSON.parse(bytes.toString('utf8'))) ?? {}, size: bytes.length };
  } catch {
    return { doc: {}, size: bytes.length };
  }
}

/** How the API shows the event's tags: given by the caller, who knows how the pipeline derived them. */
export type TagsOf = (doc: JsonObject) => readonly (readonly [string, string])[];

const iso = (ms: number) => new Date(ms).toISOString();

/** Sentry error types for our processing notes (what its UI lists under "processing errors"). */
const NOTE_TYPES: Readonly<Record<string, string>> = { trimmed: 'value_too_long', invalid: 'invalid_data', replaced: 'invalid_attribute' };

function messageOf(doc: JsonObject): string {
  const formatted = str(obj(doc.logentry)?.formatted);
  if (formatted !== undefined) return formatted;
  const thrown = obj(arr(obj(doc.exception)?.values).at(-1));
  if (thrown) return [str(thrown.type), str(thrown.value)].filter((s) => s !== undefined).join(': ');
  return str(doc.title) ?? '';
}

function userJson(doc: JsonObject) {
  const u = obj(doc.user);
  if (!u) return null;
  return {
    id: str(u.id) ?? null,
    email: str(u.email) ?? null,
    username: str(u.username) ?? null,
    ip_address: str(u.ip_address) ?? null,
    name: str(u.name) ?? null,
    geo: obj(u.geo) ?? null,
    data: obj(u.data) ?? null,
  };
}

function tagList(doc: JsonObject, tagsOf: TagsOf) {
  return [...tagsOf(doc)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
}

/** The short form Sentry lists events in (`/issues/{id}/events/`, `/projects/…/events/`). */
export function simpleEventJson(row: EventRow, doc: JsonObject, tagsOf: TagsOf) {
  const metadata = obj(doc.metadata) ?? {};
  return {
    id: row.event_id,
    eventID: row.event_id,
    groupID: row.issue_id === null ? null : String(row.issue_id),
    projectID: String(row.project_id),
    title: row.title ?? str(doc.title) ?? '',
    message: messageOf(doc),
    culprit: str(doc.culprit) ?? null,
    location: str(metadata.filename) ?? null,
    dateCreated: isoFromSeconds(doc.timestamp) ?? iso(row.received_at),
    dateReceived: iso(row.received_at),
    platform: str(doc.platform) ?? null,
    // A feedback event is an issue-platform occurrence, which Sentry's event JSON calls `generic` (the Sentry MCP server reads it so).
    type: str(doc.type) === 'feedback' ? 'generic' : (str(doc.type) ?? row.type),
    'event.type': str(doc.type) ?? row.type,
    tags: tagList(doc, tagsOf),
    user: userJson(doc),
    crashFile: null,
  };
}

/** Sentry's full event JSON, with `entries` and navigation within the issue. */
export function eventJson(row: EventRow, decoded: { doc: JsonObject; size: number }, tagsOf: TagsOf, nav: { previous: string | null; next: string | null }) {
  const { doc, size } = decoded;
  const processing = obj(doc.processing) ?? {};
  const grouping = obj(processing.grouping);
  const release = str(doc.release);
  const errors = arr(processing.notes).map((n) => {
    const note = obj(n) ?? {};
    const type = str(note.type) ?? '';
    // Source-map notes already carry Sentry's own error types (js_no_source, …).
    return {
      type: NOTE_TYPES[type] ?? (type.startsWith('js_') ? type : 'invalid_data'),
      message: str(note.detail) ?? '',
      data: { name: str(note.path) ?? '' },
    };
  });
  const isTransaction = (str(doc.type) ?? row.type) === 'transaction';
  return {
    ...simpleEventJson(row, doc, tagsOf),
    metadata: obj(doc.metadata) ?? {},
    logger: str(doc.logger) ?? null,
    environment: str(doc.environment) ?? null,
    release: release === undefined ? null : { version: release, shortVersion: release },
    dist: str(doc.dist) ?? null,
    contexts: obj(doc.contexts) ?? {},
    sdk: obj(doc.sdk) ?? null,
    context: obj(doc.extra) ?? {},
    packages: obj(doc.modules) ?? {},
    fingerprints: arr(grouping?.hashes).filter((h) => typeof h === 'string'),
    groupingConfig: grouping ? { id: str(grouping.mechanism) ?? null, enhancements: '' } : null,
    size,
    errors,
    entries: eventEntries(doc),
    ...(isTransaction
      ? { startTimestamp: num(doc.start_timestamp) ?? null, endTimestamp: num(doc.timestamp) ?? null, measurements: obj(doc.measurements) ?? {} }
      : {}),
    _meta: {},
    // A performance issue's event carries the detector's finding (process/spans/performance-issues.ts).
    occurrence: obj(doc.occurrence) ?? null,
    userReport: null,
    sdkUpdates: [] as unknown[],
    resolvedWith: [] as unknown[],
    previousEventID: nav.previous,
    nextEventID: nav.next,
  };
}
