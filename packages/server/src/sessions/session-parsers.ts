import { isJsonObject, type JsonObject, parseTimestamp } from '@faultline/protocol';

/**
 * Parsers of the two release-health item payloads, Sentry's `session` (one update of one
 * session) and `sessions` (pre-aggregated request counts): docs/release-health.md › What is
 * counted, after https://develop.sentry.dev/sdk/telemetry/sessions/. They validate as Relay
 * does (a missing release or an unknown status makes the update invalid) and return typed
 * results with a reason, never null.
 */

export const SESSION_STATUSES = ['ok', 'exited', 'crashed', 'abnormal', 'errored', 'unhandled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Limits of our own where Relay's are not documented; each breach is an invalid outcome. */
export const SESSION_LIMITS = {
  /** Relay drops sessions started more than 5 days ago (max_session_secs_in_past). */
  maxAgeMs: 5 * 24 * 3_600_000,
  /** clock drift tolerated for a `started` in the future */
  maxFutureMs: 5 * 60_000,
  /** Sentry's release version column holds 200 characters */
  maxReleaseLength: 200,
  /** Sentry's environment names are at most 64 characters */
  maxEnvironmentLength: 64,
  maxDistinctIdLength: 256,
  maxSessionIdLength: 64,
  /** aggregates in one `sessions` item (an SDK flushes every 60 s, one per minute bucket) */
  maxAggregates: 1000,
} as const;

/** A nil UUID `did` is ignored, as in Relay (not an error: some SDKs send it for "no user"). */
const NIL_UUID = /^0{8}-?0{4}-?0{4}-?0{4}-?0{12}$/;

export interface SessionAttrs {
  readonly release: string;
  readonly environment: string;
}

export interface SessionUpdate extends SessionAttrs {
  readonly sid: string;
  readonly did: string | null;
  readonly init: boolean;
  readonly startedMs: number;
  readonly status: SessionStatus;
  readonly errors: number;
  /** seconds; only meaningful when status is `exited` */
  readonly duration: number | null;
  readonly abnormalMechanism: string | null;
}

export interface SessionAggregate extends SessionAttrs {
  readonly startedMs: number;
  readonly did: string | null;
  readonly exited: number;
  readonly errored: number;
  readonly abnormal: number;
  readonly unhandled: number;
  readonly crashed: number;
}

export type ParseFailure = { readonly ok: false; readonly reason: string };
export type SessionUpdateResult = { readonly ok: true; readonly update: SessionUpdate } | ParseFailure;
/** Aggregates whose own start is out of range are dropped one by one (`dropped`), as Relay does. */
export type SessionAggregatesResult = { readonly ok: true; readonly aggregates: readonly SessionAggregate[]; readonly dropped: number } | ParseFailure;

const fail = (reason: string): ParseFailure => ({ ok: false, reason });

export function parseSessionUpdate(payload: unknown, nowMs: number): SessionUpdateResult {
  if (!isJsonObject(payload)) return fail('session_not_object');
  const attrs = parseAttrs(payload.attrs);
  if (!attrs.ok) return attrs;
  const sid = payload.sid;
  if (typeof sid !== 'string' || sid.length === 0 || sid.length > SESSION_LIMITS.maxSessionIdLength) return fail('invalid_sid');
  const status = payload.status ?? 'ok';
  if (typeof status !== 'string' || !(SESSION_STATUSES as readonly string[]).includes(status)) return fail('invalid_status');
  const errors = payload.errors ?? 0;
  if (typeof errors !== 'number' || !Number.isSafeInteger(errors) || errors < 0) return fail('invalid_errors');
  const init = payload.init ?? false;
  if (typeof init !== 'boolean') return fail('invalid_init');
  const did = parseDid(payload.did);
  if (!did.ok) return did;
  const started = parseStarted(payload.started, nowMs);
  if (!started.ok) return started;
  if (payload.timestamp !== undefined) {
    const ts = parseTimestamp(payload.timestamp);
    // Relay: an update that claims to start after it was sent is invalid.
    if (!ts.ok) return fail('invalid_timestamp');
    if (started.ms > ts.ms) return fail('started_after_timestamp');
  }
  const duration = payload.duration;
  const durationOk = typeof duration === 'number' && Number.isFinite(duration) && duration >= 0;
  if (duration !== undefined && duration !== null && !durationOk) return fail('invalid_duration');
  const mechanism = payload.abnormal_mechanism;
  return {
    ok: true,
    update: {
      ...attrs.value,
      sid,
      did: did.value,
      init,
      startedMs: started.ms,
      status: status as SessionStatus,
      errors,
      duration: durationOk ? duration : null,
      abnormalMechanism: typeof mechanism === 'string' && mechanism.length <= 32 ? mechanism : null,
    },
  };
}

export function parseSessionAggregates(payload: unknown, nowMs: number): SessionAggregatesResult {
  if (!isJsonObject(payload)) return fail('sessions_not_object');
  const attrs = parseAttrs(payload.attrs);
  if (!attrs.ok) return attrs;
  const list = payload.aggregates;
  if (!Array.isArray(list)) return fail('invalid_aggregates');
  if (list.length > SESSION_LIMITS.maxAggregates) return fail('too_many_aggregates');
  const aggregates: SessionAggregate[] = [];
  let dropped = 0;
  for (const entry of list) {
    if (!isJsonObject(entry)) return fail('invalid_aggregates');
    const counts = countsOf(entry);
    if (!counts.ok) return counts;
    const did = parseDid(entry.did);
    if (!did.ok) return did;
    const started = parseStarted(entry.started, nowMs);
    if (!started.ok) {
      if (started.reason === 'invalid_started') return started;
      dropped++;
      continue;
    }
    aggregates.push({ ...attrs.value, startedMs: started.ms, did: did.value, ...counts.value });
  }
  if (aggregates.length === 0 && dropped > 0) return fail('aggregates_out_of_range');
  return { ok: true, aggregates, dropped };
}

type Parsed<T> = { readonly ok: true; readonly value: T } | ParseFailure;

function parseAttrs(value: unknown): Parsed<SessionAttrs> {
  if (!isJsonObject(value)) return fail('missing_release');
  const release = value.release;
  if (typeof release !== 'string' || release.trim().length === 0) return fail('missing_release');
  if (release.length > SESSION_LIMITS.maxReleaseLength || /[\n\r\t\\/]/.test(release) || release === '.' || release === '..') {
    return fail('invalid_release');
  }
  const environment = value.environment ?? '';
  if (typeof environment !== 'string' || environment.length > SESSION_LIMITS.maxEnvironmentLength || /[\n\r\t/]/.test(environment)) {
    return fail('invalid_environment');
  }
  return { ok: true, value: { release, environment } };
}

function parseDid(value: unknown): Parsed<string | null> {
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  if (typeof value !== 'string' && typeof value !== 'number') return fail('invalid_did');
  const did = String(value);
  if (did.length > SESSION_LIMITS.maxDistinctIdLength) return fail('invalid_did');
  return { ok: true, value: NIL_UUID.test(did) ? null : did };
}

function parseStarted(value: unknown, nowMs: number): { readonly ok: true; readonly ms: number } | ParseFailure {
  const started = parseTimestamp(value);
  if (!started.ok) return fail('invalid_started');
  if (started.ms > nowMs + SESSION_LIMITS.maxFutureMs) return fail('started_in_future');
  if (started.ms < nowMs - SESSION_LIMITS.maxAgeMs) return fail('started_too_old');
  return { ok: true, ms: started.ms };
}

const COUNTERS = ['exited', 'errored', 'abnormal', 'unhandled', 'crashed'] as const;

function countsOf(entry: JsonObject): Parsed<Record<(typeof COUNTERS)[number], number>> {
  const out = { exited: 0, errored: 0, abnormal: 0, unhandled: 0, crashed: 0 };
  for (const key of COUNTERS) {
    const v = entry[key] ?? 0;
    // Counters omitted when 0 (Python); anything else must be a non-negative integer.
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 1_000_000_000) return fail('invalid_aggregate_count');
    out[key] = v;
  }
  return { ok: true, value: out };
}
