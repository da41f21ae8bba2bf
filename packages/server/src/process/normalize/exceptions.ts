import { copyBag, copyObjectBag } from './copy-bag.js';
import { normalizeStacktrace } from './frames.js';
import { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { ExceptionValue, Mechanism, Thread } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readBoolean, readCount, readString, readValuesList, truncate } from './read-json.js';

/**
 * `exception` as `{values: [...]}`, a bare list (old SDKs) or a single exception object
 * (Sentry developer docs, Event Payloads › Exception Interface). Order is kept: oldest cause first, the thrown
 * exception last. Entries with neither type, value nor frames carry nothing and are dropped, as in Relay.
 */
export function normalizeExceptions(value: unknown, notes: Notes): ExceptionValue[] | undefined {
  const list = isRecord(value) && !Object.hasOwn(value, 'values') ? [value] : readValuesList(value, notes, 'exception');
  if (list === undefined) return undefined;
  const max = COUNT_LIMITS.exceptions;
  // The thrown exception is last; when there are too many, drop the oldest causes.
  const from = Math.max(0, list.length - max);
  if (from > 0) notes.trimmed('exception.values', `kept the last ${max} of ${list.length} exceptions`);
  const out: ExceptionValue[] = [];
  for (let i = from; i < list.length; i++) {
    const raw: unknown = list[i];
    const path = `exception.values.${i}`;
    if (!isRecord(raw)) {
      if (raw !== null) notes.invalid(path, `expected an object, got ${jsonTypeOf(raw)}`);
      continue;
    }
    const exc = normalizeException(raw, notes, path);
    if (exc.type === undefined && exc.value === undefined && exc.stacktrace === undefined) {
      notes.invalid(path, 'exception without type, value or stack trace removed');
      continue;
    }
    out.push(exc);
  }
  return out.length === 0 ? undefined : out;
}

// Relay splits `"TypeError: foo"` into type and value when no type was sent.
const TYPE_AND_VALUE = /^(\w+):(.*)$/;

function normalizeException(raw: Record<string, unknown>, notes: Notes, path: string): ExceptionValue {
  const mechanism = normalizeMechanism(raw.mechanism, notes, `${path}.mechanism`);
  let type = readString(raw.type, notes, `${path}.type`, STRING_LIMITS.symbol);
  let value = readExceptionValue(raw.value, notes, `${path}.value`);
  if (type === undefined && value !== undefined && mechanism?.synthetic !== true) {
    const split = TYPE_AND_VALUE.exec(value);
    if (split !== null) {
      type = split[1];
      value = (split[2] as string).trim() || undefined;
    }
  }
  const exc: ExceptionValue = {};
  put(exc, 'type', type);
  put(exc, 'value', value);
  put(exc, 'module', readString(raw.module, notes, `${path}.module`, STRING_LIMITS.symbol));
  put(exc, 'thread_id', readThreadId(raw.thread_id, notes, `${path}.thread_id`));
  put(exc, 'mechanism', mechanism);
  put(exc, 'stacktrace', normalizeStacktrace(raw.stacktrace, notes, `${path}.stacktrace`));
  return exc;
}

/** Relay's "lenient string": a non-string value (an object thrown in JS) is kept as JSON text. */
function readExceptionValue(value: unknown, notes: Notes, path: string): string | undefined {
  if (value === undefined || value === null || typeof value === 'string') {
    return readString(value, notes, path, STRING_LIMITS.message, { lenient: true });
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(copyBag(value, BAG_LIMITS.params, notes, path));
  return json === undefined ? undefined : truncate(json, STRING_LIMITS.message);
}

function normalizeMechanism(value: unknown, notes: Notes, path: string): Mechanism | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid(path, `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const mechanism: Mechanism = { type: readString(value.type, notes, `${path}.type`, STRING_LIMITS.short) ?? 'generic' };
  put(mechanism, 'handled', readBoolean(value.handled, notes, `${path}.handled`));
  put(mechanism, 'synthetic', readBoolean(value.synthetic, notes, `${path}.synthetic`));
  put(mechanism, 'description', readString(value.description, notes, `${path}.description`, STRING_LIMITS.message));
  put(mechanism, 'help_link', readString(value.help_link, notes, `${path}.help_link`, STRING_LIMITS.url));
  put(mechanism, 'source', readString(value.source, notes, `${path}.source`, STRING_LIMITS.symbol));
  put(mechanism, 'exception_id', readCount(value.exception_id, notes, `${path}.exception_id`));
  put(mechanism, 'parent_id', readCount(value.parent_id, notes, `${path}.parent_id`));
  put(mechanism, 'is_exception_group', readBoolean(value.is_exception_group, notes, `${path}.is_exception_group`));
  put(mechanism, 'data', copyObjectBag(value.data, BAG_LIMITS.small, notes, `${path}.data`));
  put(mechanism, 'meta', copyObjectBag(value.meta, BAG_LIMITS.small, notes, `${path}.meta`));
  return mechanism;
}

function readThreadId(value: unknown, notes: Notes, path: string): string | number | undefined {
  if (typeof value === 'number') return readCount(value, notes, path);
  return readString(value, notes, path, STRING_LIMITS.short);
}

/** `threads` (`{values}` or a list); Python puts message stack traces here. */
export function normalizeThreads(value: unknown, notes: Notes): Thread[] | undefined {
  const list = readValuesList(value, notes, 'threads');
  if (list === undefined) return undefined;
  const max = COUNT_LIMITS.threads;
  if (list.length > max) notes.trimmed('threads.values', `kept the first ${max} of ${list.length} threads`);
  const out: Thread[] = [];
  for (let i = 0; i < Math.min(list.length, max); i++) {
    const raw: unknown = list[i];
    const path = `threads.values.${i}`;
    if (!isRecord(raw)) {
      if (raw !== null) notes.invalid(path, `expected an object, got ${jsonTypeOf(raw)}`);
      continue;
    }
    const thread: Thread = {};
    put(thread, 'id', readThreadId(raw.id, notes, `${path}.id`));
    put(thread, 'name', readString(raw.name, notes, `${path}.name`, STRING_LIMITS.symbol));
    put(thread, 'crashed', readBoolean(raw.crashed, notes, `${path}.crashed`));
    put(thread, 'current', readBoolean(raw.current, notes, `${path}.current`));
    put(thread, 'main', readBoolean(raw.main, notes, `${path}.main`));
    put(thread, 'state', readString(raw.state, notes, `${path}.state`, STRING_LIMITS.short));
    put(thread, 'stacktrace', normalizeStacktrace(raw.stacktrace, notes, `${path}.stacktrace`));
    out.push(thread);
  }
  return out.length === 0 ? undefined : out;
}
