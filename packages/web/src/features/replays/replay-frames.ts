/**
 * A replay's recording (the rrweb events of every segment, as `recording-segments/?download`
 * answers) turned into what the replay page shows beside the player: breadcrumbs, console
 * messages, network requests and errors, each at its offset from the start of the recording.
 *
 * The recording is whatever the SDK sent: nothing in it is trusted. Malformed events are left
 * out, every text is a plain string (rendered as text, never as HTML) and cut to a bounded length.
 * How the Sentry SDK records these custom events: https://docs.sentry.io/platforms/javascript/session-replay/
 */

/** An rrweb event as the player takes it (`eventWithTime`). */
export interface RecordingEvent {
  readonly type: number;
  /** milliseconds since the epoch */
  readonly timestamp: number;
  readonly data: unknown;
}

export type ReplayItemKind = 'breadcrumb' | 'console' | 'network' | 'error';

export interface ReplayItem {
  readonly key: string;
  readonly kind: ReplayItemKind;
  /** milliseconds from the start of the recording (never negative) */
  readonly offsetMs: number;
  readonly title: string;
  readonly detail: string;
  /** breadcrumb category, console level, network op or `error` */
  readonly category: string;
  readonly level: string;
  /** errors: the event and its issue, for links */
  readonly eventId?: string;
  readonly issueId?: string | null;
}

export interface ParsedRecording {
  readonly events: readonly RecordingEvent[];
  /** timestamp of the first event, ms since the epoch; null without events */
  readonly startMs: number | null;
  readonly durationMs: number;
  readonly breadcrumbs: readonly ReplayItem[];
  readonly console: readonly ReplayItem[];
  readonly network: readonly ReplayItem[];
}

/** rrweb's event type of a custom event (`EventType.Custom`), the one the SDK's breadcrumbs and spans ride in. */
const CUSTOM = 5;
const MAX_TEXT = 500;
const SECONDS_BELOW = 1e11;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A bounded plain string of any JSON value: strings as they are, the rest as JSON. */
export function text(v: unknown, max = MAX_TEXT): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? '';
    } catch {
      s = '';
    }
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function asEvent(v: unknown): RecordingEvent | null {
  if (!isObject(v)) return null;
  const { type, timestamp } = v;
  if (typeof type !== 'number' || !Number.isInteger(type) || typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp <= 0) return null;
  // The SDK stamps its performance spans in seconds, everything else in milliseconds; the
  // player needs one clock (no millisecond timestamp of this century is below 1e11).
  return { type, timestamp: timestamp < SECONDS_BELOW ? Math.round(timestamp * 1000) : timestamp, data: v.data };
}

/**
 * Every event of every segment, oldest first. Takes the download's array of segments (each an
 * array of events), also several pages of it concatenated; anything else yields no events.
 */
export function flattenSegments(segments: unknown): RecordingEvent[] {
  const events: RecordingEvent[] = [];
  if (!Array.isArray(segments)) return events;
  for (const segment of segments) {
    if (!Array.isArray(segment)) continue;
    for (const raw of segment) {
      const e = asEvent(raw);
      if (e) events.push(e);
    }
  }
  // Array.prototype.sort is stable: events with one timestamp keep their recorded order.
  return events.sort((a, b) => a.timestamp - b.timestamp);
}

function networkItem(payload: Json, offsetMs: number, key: string): ReplayItem | null {
  const op = text(payload.op, 60);
  if (op !== 'resource.fetch' && op !== 'resource.xhr') return null;
  const data = isObject(payload.data) ? payload.data : {};
  const method = text(data.method, 16) || 'GET';
  const status = typeof data.statusCode === 'number' ? data.statusCode : null;
  const start = typeof payload.startTimestamp === 'number' ? payload.startTimestamp : null;
  const end = typeof payload.endTimestamp === 'number' ? payload.endTimestamp : null;
  const duration = start !== null && end !== null && end >= start ? Math.round((end - start) * 1000) : null;
  const parts = [status === null ? null : String(status), duration === null ? null : `${duration} ms`, op === 'resource.xhr' ? 'xhr' : 'fetch'];
  return {
    key,
    kind: 'network',
    offsetMs,
    title: `${method} ${text(payload.description)}`,
    detail: parts.filter((p) => p !== null).join(' · '),
    category: op,
    level: status !== null && status >= 400 ? 'error' : 'info',
  };
}

function breadcrumbTitle(payload: Json): string {
  const message = text(payload.message);
  if (message) return message;
  const data = isObject(payload.data) ? payload.data : {};
  if (payload.category === 'navigation' && (data.from !== undefined || data.to !== undefined)) return `${text(data.from)} → ${text(data.to)}`;
  return text(payload.category, 100) || 'breadcrumb';
}

function breadcrumbItem(payload: Json, offsetMs: number, key: string): ReplayItem {
  const category = text(payload.category, 100) || 'default';
  const isConsole = category === 'console';
  const data = isObject(payload.data) ? payload.data : null;
  // Console breadcrumbs repeat the message as `data.arguments`; the click's node is in `data.node`.
  const detail = isConsole || !data ? '' : text(data.node !== undefined ? data.node : data, 200);
  return {
    key,
    kind: isConsole ? 'console' : 'breadcrumb',
    offsetMs,
    title: breadcrumbTitle(payload),
    detail,
    category,
    level: text(payload.level, 20) || (isConsole ? 'log' : 'info'),
  };
}

/** The events and side lists of a recording; offsets are measured from its first event. */
export function parseRecording(segments: unknown): ParsedRecording {
  const events = flattenSegments(segments);
  const first = events[0];
  const last = events[events.length - 1];
  const startMs = first ? first.timestamp : null;
  const breadcrumbs: ReplayItem[] = [];
  const consoleItems: ReplayItem[] = [];
  const network: ReplayItem[] = [];
  events.forEach((e, i) => {
    if (e.type !== CUSTOM || !isObject(e.data) || !isObject(e.data.payload) || startMs === null) return;
    const offsetMs = e.timestamp - startMs;
    const key = `${i}`;
    if (e.data.tag === 'breadcrumb') {
      const item = breadcrumbItem(e.data.payload, offsetMs, key);
      (item.kind === 'console' ? consoleItems : breadcrumbs).push(item);
    } else if (e.data.tag === 'performanceSpan') {
      const item = networkItem(e.data.payload, offsetMs, key);
      if (item) network.push(item);
    }
  });
  return {
    events,
    startMs,
    durationMs: first && last ? last.timestamp - first.timestamp : 0,
    breadcrumbs,
    console: consoleItems,
    network,
  };
}

/** What the replay page knows of one of the replay's errors (`error_ids` → the event). */
export interface ReplayError {
  readonly eventId: string;
  readonly title: string | null;
  /** the event's time, ISO 8601; null when the event could not be read */
  readonly dateCreated: string | null;
  readonly issueId: string | null;
}

/** The errors as items at their moment in the recording (before its start → 0), oldest first. */
export function errorItems(errors: readonly ReplayError[], startMs: number | null): ReplayItem[] {
  const items: ReplayItem[] = [];
  for (const e of errors) {
    const at = e.dateCreated === null ? Number.NaN : Date.parse(e.dateCreated);
    const offsetMs = startMs === null || Number.isNaN(at) ? 0 : Math.max(0, at - startMs);
    items.push({
      key: `error-${e.eventId}`,
      kind: 'error',
      offsetMs,
      title: text(e.title) || `Event ${e.eventId}`,
      detail: e.dateCreated === null ? 'the event could not be loaded' : '',
      category: 'error',
      level: 'error',
      eventId: e.eventId,
      issueId: e.issueId,
    });
  }
  return items.sort((a, b) => a.offsetMs - b.offsetMs);
}

/** Index of the item playing at `timeMs`: the last one at or before it; -1 before the first. */
export function currentIndex(items: readonly ReplayItem[], timeMs: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as ReplayItem;
    if (item.offsetMs <= timeMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** `m:ss` of a millisecond offset. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
