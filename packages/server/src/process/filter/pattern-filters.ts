import type { NormalizedEvent } from '../normalize/index.js';
import { compileGlob, compileGlobs, matchesAny } from './glob.js';

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
  if (patterns.length === 0 || event.release === undefined) return false;
  return matchesAny(compileGlobs(patterns), event.release);
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

const HEALTH_CHECKS = HEALTH_CHECK_GLOBS.map(compileGlob);

export function isHealthCheckTransaction(event: NormalizedEvent): boolean {
  return event.type === 'transaction' && event.transaction !== undefined && matchesAny(HEALTH_CHECKS, event.transaction);
}
