import type { Notes } from './processing-notes.js';

/** A JSON object as it arrives: nothing about its values is known yet. */
export type RawObject = { readonly [key: string]: unknown };

export function isRecord(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `typeof` in JSON terms, for notes (which never quote values). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Cuts `text` to `max` characters the way Sentry does (`...` suffix, total length `max`),
 * never splitting a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 3);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}...`;
}

export interface StringOptions {
  /** Numbers and booleans become strings (Relay's "lenient strings": ids, tag values). */
  readonly lenient?: boolean;
}

/**
 * A string field: absent/null/"" → undefined silently; another type → undefined with a
 * note (or coerced when lenient); too long → cut with a note.
 */
export function readString(value: unknown, notes: Notes, path: string, max: number, options: StringOptions = {}): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === undefined || value === null) return undefined;
  else if (options.lenient && (typeof value === 'number' || typeof value === 'boolean')) text = String(value);
  else {
    notes.invalid(path, `expected a string, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  if (text === '') return undefined;
  if (text.length > max) {
    notes.trimmed(path, `cut to ${max} characters (was ${text.length})`);
    return truncate(text, max);
  }
  return text;
}

export function readBoolean(value: unknown, notes: Notes, path: string): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return undefined;
  notes.invalid(path, `expected a boolean, got ${jsonTypeOf(value)}`);
  return undefined;
}

/** Non-negative integers (line numbers, ids); anything else is removed with a note. */
export function readCount(value: unknown, notes: Notes, path: string): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value + 0; // no -0
  if (value === undefined || value === null) return undefined;
  notes.invalid(path, `expected a non-negative integer, got ${jsonTypeOf(value)}`);
  return undefined;
}

export function readFiniteNumber(value: unknown, notes: Notes, path: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value + 0; // no -0
  if (value === undefined || value === null) return undefined;
  notes.invalid(path, `expected a number, got ${jsonTypeOf(value)}`);
  return undefined;
}

/** `list` or `{values: list}` (breadcrumbs, exceptions, threads all come in both shapes). */
export function readValuesList(value: unknown, notes: Notes, path: string): readonly unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  if (isRecord(value)) {
    const values = value.values;
    if (Array.isArray(values)) return values;
    if (values === undefined || values === null) return undefined;
    notes.invalid(`${path}.values`, `expected an array, got ${jsonTypeOf(values)}`);
    return undefined;
  }
  notes.invalid(path, `expected an array or {values}, got ${jsonTypeOf(value)}`);
  return undefined;
}

/** Assigns an own property even for the key `__proto__` (JSON.parse creates such keys). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Sets `target[key]` only when there is a value, so absent fields stay absent in JSON. */
export function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
