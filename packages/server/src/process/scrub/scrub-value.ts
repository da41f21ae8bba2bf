import type { JsonObject, JsonValue } from '@faultline/protocol';
import type { Pair } from '../normalize/index.js';
import { FILTERED, type StringScrubber, scrubString } from './scrub-string.js';

/** State of one scrub pass: rules, whether text patterns apply, and the replacement count. */
export interface Scrubber extends StringScrubber {
  /** Text patterns (cards, tokens…) run only with the default rules enabled. */
  readonly patterns: boolean;
}

/**
 * Scrubs a free-form value in place (containers) and returns the value to store in its slot
 * (strings are immutable). Under a sensitive key the whole value, whatever its shape, becomes
 * `[Filtered]`; under a safe key nothing changes.
 */
export function scrubValue(value: JsonValue, s: Scrubber): JsonValue {
  if (typeof value === 'string') return s.patterns ? scrubString(value, s) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = scrubValue(value[i] as JsonValue, s);
  } else if (value !== null && typeof value === 'object') scrubObject(value, s);
  return value;
}

export function scrubObject(obj: JsonObject | Record<string, unknown>, s: Scrubber): void {
  for (const key of Object.keys(obj)) {
    const value = obj[key] as JsonValue | undefined;
    if (value === undefined || s.rules.isSafe(key)) continue;
    // Own data property (even `__proto__`, which normalize creates as one): plain assignment is safe.
    if (s.rules.isSensitive(key)) obj[key] = filter(value, s);
    else obj[key] = scrubValue(value, s);
  }
}

/** Replaces a secret; nothing to hide (null, empty, false/true, already filtered) stays. */
export function filter(value: JsonValue, s: Scrubber): JsonValue {
  if (value === null || value === '' || value === FILTERED || typeof value === 'boolean') return value;
  if (typeof value === 'object' && Object.keys(value).length === 0) return value;
  s.count++;
  return FILTERED;
}

/** Pair lists (headers, cookies, query, tags): sensitive names lose their value; `all` filters every value. */
export function scrubPairs(pairs: Pair[], s: Scrubber, all = false): void {
  for (const pair of pairs) {
    const [name, value] = pair;
    if (s.rules.isSafe(name)) continue;
    if (all || s.rules.isSensitive(name)) pair[1] = filter(value, s) as string;
    else if (s.patterns) pair[1] = scrubString(value, s);
  }
}

export function scrubText(text: string | undefined, s: Scrubber): string | undefined {
  return text === undefined || !s.patterns ? text : scrubString(text, s);
}
