import { copyObjectBag } from './copy-bag.js';
import { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { EventSdk } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readString, setOwn, truncate } from './read-json.js';

// Sentry's VALID_PLATFORMS (sentry/constants.py); anything else is stored as `other`.
const PLATFORMS = new Set([
  'as3',
  'c',
  'cfml',
  'cocoa',
  'csharp',
  'dart',
  'elixir',
  'go',
  'groovy',
  'haskell',
  'java',
  'javascript',
  'native',
  'node',
  'objc',
  'other',
  'perl',
  'php',
  'python',
  'ruby',
  'rust',
  'swift',
  'kotlin',
  'unity',
]);

export function normalizePlatform(value: unknown, notes: Notes): string {
  if (value === undefined || value === null) return 'other';
  const name = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (name !== undefined && PLATFORMS.has(name)) return name;
  notes.invalid('platform', typeof value === 'string' ? 'unknown platform; stored as other' : `expected a string, got ${jsonTypeOf(value)}`);
  return 'other';
}

// Sentry's Release.is_valid_version: no slashes or line breaks, not `.`, `..`, ` ` or `latest`.
const BAD_RELEASE = /[/\r\n\t\f\v]/;
const RESERVED_RELEASES = new Set(['.', '..', ' ', 'latest']);

export function normalizeRelease(value: unknown, notes: Notes): string | undefined {
  const release = readString(value, notes, 'release', Number.MAX_SAFE_INTEGER, { lenient: true });
  if (release === undefined) return undefined;
  if (release.length > STRING_LIMITS.release || BAD_RELEASE.test(release) || RESERVED_RELEASES.has(release)) {
    notes.invalid('release', 'not a valid release name (≤ 200 characters, no slash or line break); removed');
    return undefined;
  }
  return release;
}

/** `environment` (≤ 64, no slash) and `dist` (≤ 64): invalid values are removed, not cut. */
export function normalizeShortName(value: unknown, notes: Notes, field: 'environment' | 'dist'): string | undefined {
  const name = readString(value, notes, field, Number.MAX_SAFE_INTEGER, { lenient: true })?.trim();
  if (name === undefined || name === '') return undefined;
  if (name.length > 64 || /[\r\n]/.test(name) || (field === 'environment' && name.includes('/'))) {
    notes.invalid(field, `not a valid ${field} (≤ 64 characters${field === 'environment' ? ', no slash' : ''}); removed`);
    return undefined;
  }
  return name;
}

export function normalizeSdk(value: unknown, notes: Notes): EventSdk | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid('sdk', `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const sdk: EventSdk = {};
  put(sdk, 'name', readString(value.name, notes, 'sdk.name', STRING_LIMITS.short));
  put(sdk, 'version', readString(value.version, notes, 'sdk.version', STRING_LIMITS.short));
  if (Array.isArray(value.integrations)) {
    const names = value.integrations.filter((i): i is string => typeof i === 'string').slice(0, 200);
    sdk.integrations = names.map((n) => truncate(n, STRING_LIMITS.short));
  }
  if (Array.isArray(value.packages)) {
    const packages: NonNullable<EventSdk['packages']> = [];
    for (const p of value.packages.slice(0, 100)) {
      if (isRecord(p) && typeof p.name === 'string' && typeof p.version === 'string') {
        packages.push({ name: truncate(p.name, STRING_LIMITS.symbol), version: truncate(p.version, STRING_LIMITS.short) });
      }
    }
    sdk.packages = packages;
  }
  put(sdk, 'settings', copyObjectBag(value.settings, BAG_LIMITS.small, notes, 'sdk.settings'));
  return sdk;
}

/** `modules`: package name → version strings (numbers coerced). */
export function normalizeModules(value: unknown, notes: Notes): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid('modules', `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  const names = Object.keys(value);
  if (names.length > COUNT_LIMITS.modules) notes.trimmed('modules', `kept the first ${COUNT_LIMITS.modules} of ${names.length} modules`);
  for (const name of names.slice(0, COUNT_LIMITS.modules)) {
    const v = value[name];
    if (typeof v === 'string' || typeof v === 'number') setOwn(out, truncate(name, STRING_LIMITS.symbol), truncate(String(v), STRING_LIMITS.short));
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** `fingerprint`: strings; numbers coerced, null/objects dropped (Sentry product docs, SDK Fingerprinting). */
export function normalizeFingerprint(value: unknown, notes: Notes): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    notes.invalid('fingerprint', `expected an array, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const out: string[] = [];
  for (const part of value) {
    if (typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean') out.push(truncate(String(part), STRING_LIMITS.symbol));
  }
  if (out.length < value.length) notes.invalid('fingerprint', `${value.length - out.length} non-string value(s) dropped`);
  if (out.length > COUNT_LIMITS.fingerprint) {
    notes.trimmed('fingerprint', `kept the first ${COUNT_LIMITS.fingerprint} values`);
    out.length = COUNT_LIMITS.fingerprint;
  }
  return out.length === 0 ? undefined : out;
}
