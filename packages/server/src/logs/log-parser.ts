import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject, type JsonValue } from '@faultline/protocol';
import { LOG_LEVELS, type LogAttribute, type LogLevel, type LogLine, levelOfSeverity, SEVERITY_NUMBERS } from './log-line.js';

/**
 * The `log` item (Sentry developer docs, "Logs" › "Log Envelope Item Payload",
 * https://develop.sentry.dev/sdk/telemetry/logs/): a container `{"version": 2, "items": [...]}`
 * (a missing version is read the same way). Each item needs a numeric `timestamp` and a string
 * `body`; the level comes from `level`, else from `severity_number`; attributes are
 * `{value, type}` with type string, integer, double or boolean. A bad attribute is dropped, a
 * bad line is counted invalid, a bad container is invalid as a whole; nothing throws.
 */
export type LogParseResult =
  | { readonly ok: true; readonly lines: LogLine[]; readonly invalidLines: number }
  | { readonly ok: false; readonly reason: 'payload_not_object' | 'unsupported_log_version' | 'invalid_log_container' };

export interface LogParseContext {
  readonly receivedAt: number;
  /** the envelope's `sdk` header, used when the line names no SDK */
  readonly sdk?: { readonly name: string; readonly version: string } | undefined;
  /** the browser the request's User-Agent names, used when the line names none (as Relay fills it) */
  readonly browser?: { readonly name: string; readonly version: string } | undefined;
  readonly newItemId?: () => string;
}

const MAX_LINES = 10_000;
const MAX_BODY_CHARS = 65_536;
const MAX_ATTRIBUTES = 512;
const MAX_NAME_CHARS = 256;
const MAX_STRING_VALUE_CHARS = 8_192;
/** A client clock ahead of ours by more than this is not believed (the line gets the receive time). */
const MAX_FUTURE_MS = 60 * 60_000;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

/** 32 hex digits; randomUUID draws from a cached entropy pool, much cheaper per line than randomBytes. */
export function newLogItemId(): string {
  return randomUUID().replaceAll('-', '');
}

export function parseLogContainer(value: unknown, ctx: LogParseContext): LogParseResult {
  if (!isJsonObject(value)) return { ok: false, reason: 'payload_not_object' };
  const container = value;
  const version = container.version;
  if (version !== undefined && version !== 2 && version !== null) return { ok: false, reason: 'unsupported_log_version' };
  const items = container.items;
  if (!Array.isArray(items) || items.length > MAX_LINES) return { ok: false, reason: 'invalid_log_container' };
  const lines: LogLine[] = [];
  let invalidLines = 0;
  const newId = ctx.newItemId ?? newLogItemId;
  for (const item of items) {
    const line = parseLine(item, ctx, newId);
    if (line === null) invalidLines++;
    else lines.push(line);
  }
  return { ok: true, lines, invalidLines };
}

function parseLine(item: JsonValue, ctx: LogParseContext, newId: () => string): LogLine | null {
  if (!isJsonObject(item)) return null;
  const { timestamp, body } = item;
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp <= 0) return null;
  if (typeof body !== 'string') return null;
  const level = levelOf(item.level, item.severity_number);
  const severity =
    typeof item.severity_number === 'number' && Number.isInteger(item.severity_number) && item.severity_number >= 1 && item.severity_number <= 24;
  const attributes = parseAttributes(item.attributes);
  if (ctx.sdk !== undefined && attributes['sentry.sdk.name'] === undefined) {
    attributes['sentry.sdk.name'] = { type: 'string', value: ctx.sdk.name };
    attributes['sentry.sdk.version'] = { type: 'string', value: ctx.sdk.version };
  }
  if (ctx.browser !== undefined && attributes['sentry.browser.name'] === undefined) {
    attributes['sentry.browser.name'] = { type: 'string', value: ctx.browser.name };
    attributes['sentry.browser.version'] = { type: 'string', value: ctx.browser.version };
  }
  const traceId = typeof item.trace_id === 'string' ? item.trace_id.toLowerCase().replaceAll('-', '') : '';
  const spanId = typeof item.span_id === 'string' ? item.span_id.toLowerCase() : '';
  const ms = timestamp * 1000;
  return {
    itemId: newId(),
    timestamp: ms > ctx.receivedAt + MAX_FUTURE_MS ? ctx.receivedAt / 1000 : timestamp,
    observedAt: ctx.receivedAt,
    traceId: HEX32.test(traceId) ? traceId : null,
    spanId: HEX16.test(spanId) ? spanId : null,
    level,
    severityNumber: severity ? (item.severity_number as number) : SEVERITY_NUMBERS[level],
    body: body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body,
    attributes,
    payloadSize: approximateSize(body, attributes),
  };
}

function levelOf(level: JsonValue | undefined, severityNumber: JsonValue | undefined): LogLevel {
  if (typeof level === 'string') {
    const lower = level.toLowerCase();
    if ((LOG_LEVELS as readonly string[]).includes(lower)) return lower as LogLevel;
    if (lower === 'warning') return 'warn';
    if (lower === 'critical') return 'fatal';
  }
  if (typeof severityNumber === 'number' && Number.isFinite(severityNumber) && severityNumber >= 1 && severityNumber <= 24)
    return levelOfSeverity(severityNumber);
  return 'info';
}

function parseAttributes(raw: JsonValue | undefined): Record<string, LogAttribute> {
  // No prototype: attribute names are client text, and `__proto__` must be an ordinary name.
  const out: Record<string, LogAttribute> = Object.create(null);
  if (!isJsonObject(raw)) return out;
  let n = 0;
  for (const [name, entry] of Object.entries(raw)) {
    if (n >= MAX_ATTRIBUTES) break;
    if (name === '' || name.length > MAX_NAME_CHARS || !isJsonObject(entry)) continue;
    const attribute = parseAttribute(entry);
    if (attribute === null) continue;
    out[name] = attribute;
    n++;
  }
  return out;
}

function parseAttribute(entry: JsonObject): LogAttribute | null {
  const { type, value } = entry;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? { type, value: value.length > MAX_STRING_VALUE_CHARS ? value.slice(0, MAX_STRING_VALUE_CHARS) : value } : null;
    case 'integer': {
      // Large integers may arrive as strings (64-bit values do not fit a JSON number exactly).
      const n = typeof value === 'string' && /^-?\d{1,20}$/.test(value) ? Number(value) : value;
      // `+ 0` turns -0 into 0: JSON has no negative zero, so the stored value would differ.
      return typeof n === 'number' && Number.isFinite(n) ? { type, value: Math.trunc(n) + 0 } : null;
    }
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? { type, value: value + 0 } : null;
    case 'boolean':
      return typeof value === 'boolean' ? { type, value } : null;
    default:
      return null;
  }
}

/**
 * About the line's size as JSON text: the body, and each attribute's name, value and the
 * `{"value":…,"type":"…"}` around it. Counted from the parsed line because serializing every
 * line again would cost a third of parsing it; characters stand for bytes (exact for ASCII).
 */
function approximateSize(body: string, attributes: Readonly<Record<string, LogAttribute>>): number {
  let n = 120 + body.length;
  for (const name in attributes) {
    const a = attributes[name] as LogAttribute;
    n += name.length + 28 + (a.type === 'string' ? a.value.length + 2 : String(a.value).length);
  }
  return n;
}
