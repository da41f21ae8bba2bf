import { fail } from '../../kernel/index.js';
import { traceIdOf } from '../spans/span-fields.js';

/**
 * The parameters of the trace endpoints (Sentry API docs, "Retrieve a Trace"; common time
 * parameters as in "Query Parameters" of the organization events endpoints): the trace id and
 * the time window to search. `timestamp` and `errorId` are only hints to Sentry's storage; they
 * are checked, then not needed, since one index lookup finds the whole trace. `project`, `limit`
 * and `per_page` are ignored as Sentry ignores them here. Anything malformed is a 400.
 */
export interface TraceRequest {
  readonly traceId: string;
  /** ms, inclusive; a relative window (`statsPeriod`, or none) has no end, so a client clock a little ahead hides nothing */
  readonly start: number;
  readonly end: number;
}

/** Without time parameters Sentry searches its longest window, 90 days. */
export const DEFAULT_WINDOW_MS = 90 * 86_400_000;
const MAX_WINDOW_MS = 100 * 365 * 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const EVENT_ID = /^[0-9a-f]{32}$/;

export type QueryValue = string | string[] | undefined;

function single(query: Readonly<Record<string, QueryValue>>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) {
    if (value.length > 1) fail('validation_failed', `${name} must be given once`);
    return value[0];
  }
  return value;
}

function instant(name: string, value: string): number {
  if (value.length > 40 || !ISO.test(value)) fail('validation_failed', `${name} must be an ISO 8601 date and time`);
  // A value without an offset is UTC, as Sentry reads it.
  const zoned = value.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? `${value}Z` : value;
  const ms = Date.parse(zoned);
  if (!Number.isFinite(ms)) fail('validation_failed', `${name} is not a valid date`);
  return ms;
}

export function parseTraceRequest(rawTraceId: string, query: Readonly<Record<string, QueryValue>>, now: number): TraceRequest {
  const traceId = traceIdOf(rawTraceId);
  if (traceId === null) fail('validation_failed', 'Invalid trace id: expected 32 hexadecimal characters');

  const timestamp = single(query, 'timestamp');
  if (timestamp !== undefined && (timestamp.length > 32 || !Number.isFinite(Number(timestamp)) || timestamp.trim() === ''))
    fail('validation_failed', 'timestamp must be a number of seconds since the epoch');
  const errorId = single(query, 'errorId');
  if (errorId !== undefined && !EVENT_ID.test(errorId.replaceAll('-', '').toLowerCase())) fail('validation_failed', 'errorId must be an event id');

  const period = single(query, 'statsPeriod');
  const startText = single(query, 'start');
  const endText = single(query, 'end');
  if (period !== undefined && (startText !== undefined || endText !== undefined))
    fail('validation_failed', 'statsPeriod and start/end cannot be used together');
  if (period !== undefined) {
    const m = /^(\d{1,12})([smhdw]?)$/.exec(period);
    if (m === null) fail('validation_failed', 'statsPeriod must look like 24h, 14d or 2w');
    const length = Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 1000);
    if (length > MAX_WINDOW_MS) fail('validation_failed', 'statsPeriod is too long');
    return { traceId, start: now - length, end: Number.POSITIVE_INFINITY };
  }
  if (startText !== undefined || endText !== undefined) {
    if (startText === undefined || endText === undefined) fail('validation_failed', 'start and end must be given together');
    const start = instant('start', startText);
    const end = instant('end', endText);
    if (start > end) fail('validation_failed', 'start must not be after end');
    return { traceId, start, end };
  }
  return { traceId, start: now - DEFAULT_WINDOW_MS, end: Number.POSITIVE_INFINITY };
}
