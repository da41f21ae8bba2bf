import { COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { Pair } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, truncate } from './read-json.js';

const NEWLINES = /[\r\n]+/g;

/**
 * Tags from `{k: v}` or `[[k, v], …]` → unique `[key, value]` strings (Sentry developer docs, Event Payloads).
 * Numbers and booleans become strings; null values are skipped. Keys follow Relay (≤ 200
 * characters; longer keys are removed, since a cut key would be a different tag); values are
 * cut to 200 characters and newlines become spaces (Sentry forbids them, dropping the whole
 * tag would lose data). The first occurrence of a key wins.
 */
export function normalizeTags(value: unknown, notes: Notes): Pair[] {
  if (value === undefined || value === null) return [];
  const entries: [unknown, unknown][] = [];
  let malformed = 0;
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (Array.isArray(entry) && entry.length === 2) entries.push([entry[0], entry[1]]);
      else malformed++;
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) entries.push([key, value[key]]);
  } else {
    notes.invalid('tags', `expected an object or a list of pairs, got ${jsonTypeOf(value)}`);
    return [];
  }
  const seen = new Set<string>();
  const tags: Pair[] = [];
  let cut = 0;
  let badKeys = 0;
  for (const [rawKey, rawValue] of entries) {
    if (rawValue === null || rawValue === undefined) continue;
    const key = typeof rawKey === 'string' ? rawKey.trim() : '';
    const text = tagValue(rawValue);
    if (key === '' || key.length > STRING_LIMITS.tagKey) {
      badKeys++;
      continue;
    }
    if (text === undefined) {
      malformed++;
      continue;
    }
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    if (text.length > STRING_LIMITS.tagValue) cut++;
    tags.push([key, truncate(text, STRING_LIMITS.tagValue)]);
  }
  if (malformed > 0) notes.invalid('tags', `${malformed} malformed tag(s) removed`);
  if (badKeys > 0) notes.invalid('tags', `${badKeys} tag(s) with an empty or over-long key removed`);
  if (cut > 0) notes.trimmed('tags', `${cut} tag value(s) cut to ${STRING_LIMITS.tagValue} characters`);
  if (tags.length > COUNT_LIMITS.tags) {
    notes.trimmed('tags', `kept the first ${COUNT_LIMITS.tags} of ${tags.length} tags`);
    tags.length = COUNT_LIMITS.tags;
  }
  return tags;
}

function tagValue(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else return undefined;
  return text.includes('\n') || text.includes('\r') ? text.replace(NEWLINES, ' ').trim() : text.trim();
}
