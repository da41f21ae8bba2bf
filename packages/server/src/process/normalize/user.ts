import { isIP } from 'node:net';
import type { JsonObject } from '@faultline/protocol';
import { copyBag, copyObjectBag } from './copy-bag.js';
import { BAG_LIMITS, STRING_LIMITS } from './limits.js';
import type { EventUser } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readString, setOwn } from './read-json.js';

const KNOWN_KEYS = new Set(['id', 'email', 'username', 'name', 'ip_address', 'segment', 'geo', 'data']);
const AUTO_IP = '{{auto}}';

/** Inputs to Relay's IP inference (docs/wire-format.md › Event payloads, "Client IP"). */
export interface IpInference {
  /** The connection's address as ingest determined it (trusted proxies resolved). */
  readonly clientIp: string | undefined;
  /** `sdk.settings.infer_ip`: `auto`, `never`, or absent (legacy rules). */
  readonly inferIp: string | undefined;
  readonly platform: string;
}

// Legacy rule: these platforms run on end-user devices, so the connection IP is the user's.
const LEGACY_INFER_PLATFORMS = new Set(['javascript', 'cocoa', 'objc']);

/**
 * `user`, with `{{auto}}` replaced by the client IP as Relay does: always for `{{auto}}`
 * (unless `infer_ip: never`), and for a missing address when `infer_ip: auto` or, without
 * a setting, on browser/mobile platforms. An address that is not an IP is removed.
 * Unknown user keys go to `data` (Sentry shows them as "additional data").
 */
export function normalizeUser(value: unknown, ip: IpInference, notes: Notes): EventUser | undefined {
  const user: EventUser = {};
  if (isRecord(value)) {
    put(user, 'id', readString(value.id, notes, 'user.id', STRING_LIMITS.short, { lenient: true }));
    put(user, 'email', readString(value.email, notes, 'user.email', STRING_LIMITS.symbol));
    put(user, 'username', readString(value.username, notes, 'user.username', STRING_LIMITS.short, { lenient: true }));
    put(user, 'name', readString(value.name, notes, 'user.name', STRING_LIMITS.short));
    put(user, 'segment', readString(value.segment, notes, 'user.segment', STRING_LIMITS.short));
    put(user, 'geo', readGeo(value.geo, notes));
    put(user, 'data', readData(value, notes));
  } else if (value !== undefined && value !== null) {
    notes.invalid('user', `expected an object, got ${jsonTypeOf(value)}`);
  }
  put(user, 'ip_address', resolveIp(isRecord(value) ? value.ip_address : undefined, ip, notes));
  return Object.keys(user).length === 0 ? undefined : user;
}

function resolveIp(value: unknown, ip: IpInference, notes: Notes): string | undefined {
  const given = readString(value, notes, 'user.ip_address', STRING_LIMITS.short);
  const client = ip.clientIp !== undefined && isIP(ip.clientIp) !== 0 ? ip.clientIp : undefined;
  if (given === AUTO_IP) return ip.inferIp === 'never' ? undefined : client;
  if (given !== undefined) {
    if (isIP(given) !== 0) return given;
    notes.invalid('user.ip_address', 'not an IP address; removed');
    return undefined;
  }
  if (ip.inferIp === 'auto') return client;
  if (ip.inferIp === undefined && LEGACY_INFER_PLATFORMS.has(ip.platform)) return client;
  return undefined;
}

function readGeo(value: unknown, notes: Notes): EventUser['geo'] {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    notes.invalid('user.geo', `expected an object, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const geo: NonNullable<EventUser['geo']> = {};
  put(geo, 'country_code', readString(value.country_code, notes, 'user.geo.country_code', STRING_LIMITS.short));
  put(geo, 'city', readString(value.city, notes, 'user.geo.city', STRING_LIMITS.short));
  put(geo, 'subdivision', readString(value.subdivision, notes, 'user.geo.subdivision', STRING_LIMITS.short));
  put(geo, 'region', readString(value.region, notes, 'user.geo.region', STRING_LIMITS.short));
  return Object.keys(geo).length === 0 ? undefined : geo;
}

function readData(user: Record<string, unknown>, notes: Notes): JsonObject | undefined {
  const data = copyObjectBag(user.data, BAG_LIMITS.small, notes, 'user.data') ?? {};
  for (const key of Object.keys(user)) {
    if (KNOWN_KEYS.has(key)) continue;
    const copy = copyBag(user[key], BAG_LIMITS.small, notes, `user.${key.slice(0, 64)}`);
    if (copy !== undefined && !Object.hasOwn(data, key)) setOwn(data, key, copy);
  }
  return Object.keys(data).length === 0 ? undefined : data;
}
