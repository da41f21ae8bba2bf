import type { JsonValue } from '@faultline/protocol';
import { copyBag } from './copy-bag.js';
import { BAG_LIMITS, STRING_LIMITS } from './limits.js';
import type { LogEntry } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, readString, truncate } from './read-json.js';

/**
 * Unifies `logentry` and `message` (a string in JS/Python, or `{message, params,
 * formatted}`) into one `logentry` with `formatted` always set (Sentry developer docs, Event Payloads › Message
 * Interface). `logentry` wins when both carry text; the JS 11 synthetic-exception events keep their message
 * here.
 */
export function normalizeLogEntry(logentry: unknown, message: unknown, notes: Notes): LogEntry | undefined {
  return fromValue(logentry, 'logentry', notes) ?? fromValue(message, 'message', notes);
}

function fromValue(value: unknown, path: string, notes: Notes): LogEntry | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const formatted = readString(value, notes, path, STRING_LIMITS.message);
    return formatted === undefined ? undefined : { formatted };
  }
  if (!isRecord(value)) {
    notes.invalid(path, `expected a string or an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const template = readString(value.message, notes, `${path}.message`, STRING_LIMITS.message);
  const params = readParams(value.params, notes, `${path}.params`);
  let formatted = readString(value.formatted, notes, `${path}.formatted`, STRING_LIMITS.message);
  if (formatted === undefined && template !== undefined) {
    formatted = params === undefined ? template : truncate(formatMessage(template, params), STRING_LIMITS.message);
  }
  if (formatted === undefined) return undefined;
  const entry: LogEntry = { formatted };
  if (template !== undefined && template !== formatted) entry.message = template;
  if (params !== undefined) entry.params = params;
  return entry;
}

function readParams(value: unknown, notes: Notes, path: string): JsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) && !isRecord(value)) {
    notes.invalid(path, `expected an array or an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  return copyBag(value, BAG_LIMITS.params, notes, path);
}

// printf-style (`%s`, `%d`, `%(name)s`, `%%`) as Python logging and sentry-cli `-a` use, and
// `{}`/`{0}` placeholders as .NET/Java loggers do.
const PLACEHOLDER = /%%|%\((\w+)\)[sdifr]|%[sdifr]|\{(\d*)\}/g;

/** Renders a message template with its params; unknown placeholders stay as written. */
export function formatMessage(template: string, params: JsonValue): string {
  const list = Array.isArray(params) ? params : undefined;
  const named = isRecord(params) ? params : undefined;
  let next = 0;
  return template.replace(PLACEHOLDER, (match: string, name: string | undefined, index: string | undefined) => {
    if (match === '%%') return '%';
    if (name !== undefined) return named !== undefined && Object.hasOwn(named, name) ? render(named[name]) : match;
    if (list === undefined) return match;
    const at = index === undefined || index === '' ? next++ : Number(index);
    return at < list.length ? render(list[at]) : match;
  });
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}
