import { compileGlob, type Glob, type GlobOptions } from '../../kernel/index.js';
import type { NormalizedEvent } from '../normalize/index.js';

/**
 * Relay's filter globs (globset with `literal_separator(false)`, case-insensitive): `*` and `**`
 * match any run of characters including `/` and newlines, `?` one character, `[abc]`/`[!a-z]` a
 * class, `\x` a literal `x`, anchored at both ends. Letters compare as the RegExp `i` flag does
 * and a reversed range makes the pattern's brackets literal, as when these were regexes; the
 * settings reject such patterns (isValidGlob) but stored and built-in ones keep working.
 */
export const INBOUND_FILTER_GLOB: GlobOptions = { classes: true, caseFolding: 'regexp', reversedRange: 'literal' };

/**
 * Compiled patterns per list. Settings objects are long-lived (one per project, replaced on
 * change), so keying the cache by the list itself makes filtering compile-free per event.
 */
const compiled = new WeakMap<readonly string[], readonly Glob[]>();

function compileGlobs(patterns: readonly string[]): readonly Glob[] {
  let list = compiled.get(patterns);
  if (list === undefined) {
    list = patterns.map((p) => compileGlob(p, INBOUND_FILTER_GLOB));
    compiled.set(patterns, list);
  }
  return list;
}

function matchesAny(globs: readonly Glob[], text: string): boolean {
  for (const glob of globs) if (glob.test(text)) return true;
  return false;
}

/**
 * Relay's error_messages filter: the formatted message, and for each exception `Type: value`
 * (or whichever of the two is present), against the project's globs. Unlike Relay we also
 * try the value alone, so `ResizeObserver loop*` matches whether or not the SDK set a type.
 */
export function matchesErrorMessages(event: NormalizedEvent, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const globs = compileGlobs(patterns);
  const message = event.logentry?.formatted;
  if (message !== undefined && matchesAny(globs, message)) return true;
  for (const exception of event.exception?.values ?? []) {
    const { type, value } = exception;
    const text = type !== undefined && value !== undefined ? `${type}: ${value}` : (type ?? value);
    if (text !== undefined && matchesAny(globs, text)) return true;
    if (type !== undefined && value !== undefined && matchesAny(globs, value)) return true;
  }
  return false;
}

export function matchesReleases(event: NormalizedEvent, patterns: readonly string[]): boolean {
  return event.release !== undefined && matchesReleaseVersion(event.release, patterns);
}

export function matchesReleaseVersion(release: string, patterns: readonly string[]): boolean {
  return patterns.length > 0 && matchesAny(compileGlobs(patterns), release);
}

// Sentry's default health-check globs (HEALTH_CHECK_GLOBS in sentry/relay/config), applied to
// transaction names by Relay's `ignore_transactions` filter.
export const HEALTH_CHECK_GLOBS: readonly string[] = Object.freeze([
  '*healthcheck*',
  '*healthy*',
  'live',
  'live[z/-]*',
  '*[/-]live',
  '*[/-]live[z/-]*',
  'ready',
  'ready[z/-]*',
  '*[/-]ready',
  '*[/-]ready[z/-]*',
  '*heartbeat*',
  '*/health',
  '*/healthz',
  '*/ping',
]);

const HEALTH_CHECKS = HEALTH_CHECK_GLOBS.map((p) => compileGlob(p, INBOUND_FILTER_GLOB));

export function isHealthCheckTransaction(event: NormalizedEvent): boolean {
  return event.type === 'transaction' && event.transaction !== undefined && isHealthCheckName(event.transaction);
}

export function isHealthCheckName(transaction: string): boolean {
  return matchesAny(HEALTH_CHECKS, transaction);
}
