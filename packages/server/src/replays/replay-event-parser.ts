import { isJsonObject, type JsonObject, normalizeEventId } from '@faultline/protocol';

/**
 * The `replay_event` item (Sentry developer docs, "Session Replay" › "Replay Event"): one per
 * segment, carrying what the replay row aggregates. Parsed into plain facts with every list
 * and string bounded; never throws. Without a valid `replay_id` (or segment id) the item is
 * invalid: nothing could find it again.
 */
export interface ReplayUser {
  readonly id: string | null;
  readonly username: string | null;
  readonly email: string | null;
  readonly ip: string | null;
  readonly geo: { readonly city: string | null; readonly country_code: string | null; readonly region: string | null; readonly subdivision: string | null };
}

export interface NameVersion {
  readonly name: string | null;
  readonly version: string | null;
}

export interface ReplayDevice {
  readonly name: string | null;
  readonly brand: string | null;
  readonly model: string | null;
  readonly family: string | null;
}

export interface ReplayEventFacts {
  readonly replayId: string;
  readonly segmentId: number;
  readonly replayType: 'session' | 'buffer';
  /** ms */
  readonly startedAt: number | null;
  /** ms */
  readonly timestamp: number | null;
  readonly errorIds: string[];
  readonly traceIds: string[];
  urls: string[];
  readonly environment: string | null;
  readonly release: string | null;
  readonly dist: string | null;
  readonly platform: string | null;
  user: ReplayUser | null;
  readonly sdk: NameVersion | null;
  browser: NameVersion | null;
  os: NameVersion | null;
  readonly device: ReplayDevice | null;
  /** the SDK's tags, as pairs (scrubbed like an event's) */
  tags: [string, string][];
  /** the page request's headers (the User-Agent gives browser and OS when no context does) */
  headers: [string, string][];
}

export type ReplayEventParse = { readonly ok: true; readonly facts: ReplayEventFacts } | { readonly ok: false; readonly reason: string };

export const MAX_LIST = 100;
const MAX_STRING = 1000;

export function parseReplayEvent(value: unknown, envelopeEventId: string | null): ReplayEventParse {
  if (!isJsonObject(value)) return { ok: false, reason: 'payload_not_object' };
  const rawId = value.replay_id ?? envelopeEventId;
  const id = normalizeEventId(rawId);
  if (rawId === undefined || rawId === null || !id.ok) return { ok: false, reason: 'missing_replay_id' };
  const segmentId = value.segment_id;
  if (typeof segmentId !== 'number' || !Number.isInteger(segmentId) || segmentId < 0 || segmentId > 1_000_000) {
    return { ok: false, reason: 'invalid_segment_id' };
  }
  const contexts = isJsonObject(value.contexts) ? value.contexts : {};
  const request = isJsonObject(value.request) ? value.request : {};
  return {
    ok: true,
    facts: {
      replayId: id.id,
      segmentId,
      replayType: value.replay_type === 'buffer' ? 'buffer' : 'session',
      startedAt: seconds(value.replay_start_timestamp),
      timestamp: seconds(value.timestamp),
      errorIds: ids(value.error_ids),
      traceIds: ids(value.trace_ids),
      urls: strings(value.urls),
      environment: str(value.environment),
      release: str(value.release),
      dist: str(value.dist),
      platform: str(value.platform),
      user: userOf(value.user),
      sdk: isJsonObject(value.sdk) ? nameVersion(value.sdk) : null,
      browser: isJsonObject(contexts.browser) ? nameVersion(contexts.browser) : null,
      os: isJsonObject(contexts.os) ? nameVersion(contexts.os) : null,
      device: isJsonObject(contexts.device)
        ? { name: str(contexts.device.name), brand: str(contexts.device.brand), model: str(contexts.device.model), family: str(contexts.device.family) }
        : null,
      tags: pairs(value.tags),
      headers: pairs(request.headers),
    },
  };
}

function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v !== '' ? v.slice(0, MAX_STRING) : null;
}

function seconds(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1e11) return Math.round(v * 1000);
  return null;
}

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const x of v) {
    const s = str(x);
    if (s !== null) out.push(s);
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

function ids(v: unknown): string[] {
  const out: string[] = [];
  for (const s of strings(v)) {
    const id = normalizeEventId(s);
    if (id.ok) out.push(id.id);
  }
  return out;
}

function nameVersion(o: JsonObject): NameVersion {
  return { name: str(o.name), version: str(o.version) };
}

function userOf(v: unknown): ReplayUser | null {
  if (!isJsonObject(v)) return null;
  const geo = isJsonObject(v.geo) ? v.geo : {};
  const user: ReplayUser = {
    id: str(v.id),
    username: str(v.username),
    email: str(v.email),
    ip: str(v.ip_address),
    geo: { city: str(geo.city), country_code: str(geo.country_code), region: str(geo.region), subdivision: str(geo.subdivision) },
  };
  return user.id === null && user.username === null && user.email === null && user.ip === null ? null : user;
}

/** Tags and headers come as an object or as `[key, value]` pairs. */
function pairs(v: unknown): [string, string][] {
  const out: [string, string][] = [];
  const add = (k: unknown, val: unknown) => {
    const key = str(k);
    const value = str(val);
    if (key !== null && value !== null && out.length < MAX_LIST) out.push([key.slice(0, 200), value]);
  };
  if (Array.isArray(v)) for (const p of v) Array.isArray(p) && add(p[0], p[1]);
  else if (isJsonObject(v)) for (const [k, val] of Object.entries(v)) add(k, val);
  return out;
}
