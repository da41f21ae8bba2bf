import type { JsonObject, JsonValue } from '@faultline/protocol';
import type { BagLimits } from './limits.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, setOwn, truncate } from './read-json.js';

interface BagState {
  readonly limits: BagLimits;
  size: number;
  cutStrings: number;
  tooDeep: number;
  dropped: number;
  nonJson: number;
}

/**
 * Copies a free-form value (extra, contexts, vars, request data…) in one pass, enforcing the
 * bag's limits: long strings are cut, containers deeper than `maxDepth` become `"[Object]"`/
 * `"[Array]"`, and once the approximate JSON size passes `maxSize` the remaining entries are
 * dropped. Each kind of trimming adds one note for the whole bag. The copy shares nothing
 * with the input.
 */
export function copyBag(value: unknown, limits: BagLimits, notes: Notes, path: string): JsonValue | undefined {
  const state: BagState = { limits, size: 0, cutStrings: 0, tooDeep: 0, dropped: 0, nonJson: 0 };
  const copy = walk(value, 1, state);
  report(state, notes, path);
  return copy;
}

/** Like copyBag, for fields that must be objects: anything else is removed with a note. */
export function copyObjectBag(value: unknown, limits: BagLimits, notes: Notes, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid(path, `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  return copyBag(value, limits, notes, path) as JsonObject;
}

function walk(value: unknown, depth: number, st: BagState): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
      st.size += value.length + 2;
      if (value.length > st.limits.maxString) {
        st.cutStrings++;
        return truncate(value, st.limits.maxString);
      }
      return value;
    case 'number':
      st.size += 8;
      // `+ 0` turns -0 into 0: JSON has no negative zero, so storage would change it anyway.
      if (Number.isFinite(value)) return value + 0;
      st.nonJson++;
      return undefined;
    case 'boolean':
      st.size += 5;
      return value;
    case 'object':
      if (value === null) {
        st.size += 4;
        return null;
      }
      if (depth > st.limits.maxDepth) {
        st.tooDeep++;
        return Array.isArray(value) ? '[Array]' : '[Object]';
      }
      return Array.isArray(value) ? walkArray(value, depth, st) : walkObject(value as Record<string, unknown>, depth, st);
    default:
      st.nonJson++;
      return undefined;
  }
}

function walkArray(items: readonly unknown[], depth: number, st: BagState): JsonValue[] {
  const out: JsonValue[] = [];
  for (let i = 0; i < items.length; i++) {
    if (st.size > st.limits.maxSize) {
      st.dropped += items.length - i;
      break;
    }
    st.size += 1;
    const copy = walk(items[i], depth + 1, st);
    if (copy !== undefined) out.push(copy);
  }
  return out;
}

function walkObject(obj: Record<string, unknown>, depth: number, st: BagState): JsonObject {
  const out: JsonObject = {};
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    if (st.size > st.limits.maxSize) {
      st.dropped += keys.length - i;
      break;
    }
    const key = keys[i] as string;
    st.size += key.length + 4;
    const copy = walk(obj[key], depth + 1, st);
    if (copy !== undefined) setOwn(out, key, copy);
  }
  return out;
}

function report(st: BagState, notes: Notes, path: string): void {
  const { maxString, maxDepth, maxSize } = st.limits;
  if (st.cutStrings > 0) notes.trimmed(path, `${st.cutStrings} string(s) cut to ${maxString} characters`);
  if (st.tooDeep > 0) notes.trimmed(path, `${st.tooDeep} value(s) nested deeper than ${maxDepth} levels replaced`);
  if (st.dropped > 0) notes.trimmed(path, `${st.dropped} value(s) dropped beyond the ${Math.round(maxSize / 1024)} KiB size limit`);
  if (st.nonJson > 0) notes.invalid(path, `${st.nonJson} non-JSON value(s) removed`);
}
