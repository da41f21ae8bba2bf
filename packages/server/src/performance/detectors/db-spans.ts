import type { JsonValue } from '@faultline/protocol';
import type { Span } from '../spans/index.js';

/**
 * Which spans are database queries for the detectors. Span ops follow Sentry's conventions
 * (Sentry developer docs, "Span Operations": `db`, `db.query`, `db.sql.query`, …); caches that
 * report themselves as databases (`db.redis`, `db.system: redis`) and connection set-up are not
 * queries a loop could batch, so they never count (Sentry product docs, "N+1 Queries").
 */
export function isDbQuerySpan(span: Span): boolean {
  const op = span.op;
  if (op !== 'db' && !op.startsWith('db.')) return false;
  if (op.startsWith('db.redis') || op.startsWith('db.connection')) return false;
  const system = dbSystemOf(span);
  if (system === 'redis' || system === 'memcached') return false;
  // a cache lookup instrumented under a db op says whether it hit
  if ('cache.hit' in span.data) return false;
  return span.description.trim() !== '';
}

/** `db.system` (OpenTelemetry's older name) or `db.system.name`, lower-cased; '' when absent. */
export function dbSystemOf(span: Span): string {
  return stringOf(span.data['db.system']) || stringOf(span.data['db.system.name']);
}

function stringOf(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}
