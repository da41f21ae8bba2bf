import { fail } from '../../kernel/index.js';

/**
 * The window of `GET …/monitors/{slug}/stats/` (Sentry API reference, Crons: "Retrieve Monitor
 * Stats"): `since`/`until` in unix seconds (default: the last 24 hours) and `resolution` (`1h`,
 * `1d`, `3600s`). The store counts check-ins per status in buckets; here the window is aligned on
 * multiples of the resolution, so the last bucket starts at `until` rounded down, as Sentry's do.
 */
export interface StatsRequest {
  /** unix seconds, inclusive */
  readonly since: number;
  /** unix seconds, inclusive */
  readonly until: number;
  /** bucket width in seconds */
  readonly resolution: number;
}

const DAY = 86_400;
/** Enough for a week at one-minute resolution; more would be a page nobody can draw. */
const MAX_BUCKETS = 10_080;

type Query = Record<string, string | string[] | undefined>;
const one = (q: Query, name: string): string | undefined => {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
};

function unixSeconds(text: string, name: string): number {
  if (!/^\d{1,12}(\.\d+)?$/.test(text)) fail('validation_failed', `${name} must be a unix timestamp in seconds`);
  return Math.floor(Number(text));
}

/** `1h`, `1d`, `3600s`, `3600` (Sentry's rollup spellings); at least one minute. */
export function parseResolution(text: string): number {
  const m = /^(\d{1,7})([smhdw]?)$/.exec(text);
  if (m === null) fail('validation_failed', `Invalid resolution: ${text}`);
  const seconds = Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: DAY, w: 7 * DAY }[m[2] as '' | 's' | 'm' | 'h' | 'd' | 'w'];
  if (seconds < 60) fail('validation_failed', 'resolution must be at least 60 seconds');
  return seconds;
}

/** A resolution that keeps the timeline readable when the client names none. */
function defaultResolution(range: number): number {
  if (range <= DAY) return 3600;
  if (range <= 90 * DAY) return DAY;
  return 7 * DAY;
}

export function parseStatsRequest(query: Query, nowMs: number): StatsRequest {
  const untilText = one(query, 'until');
  const sinceText = one(query, 'since');
  const until = untilText === undefined || untilText === '' ? Math.floor(nowMs / 1000) : unixSeconds(untilText, 'until');
  const since = sinceText === undefined || sinceText === '' ? until - DAY : unixSeconds(sinceText, 'since');
  if (since > until) fail('validation_failed', 'since must not be after until');
  const resolutionText = one(query, 'resolution');
  const resolution = resolutionText === undefined || resolutionText === '' ? defaultResolution(until - since) : parseResolution(resolutionText);
  if ((until - since) / resolution > MAX_BUCKETS) fail('validation_failed', `The range holds more than ${MAX_BUCKETS} buckets; choose a larger resolution`);
  return { since, until, resolution };
}

/** The bucketed window in milliseconds, as the store's `stats` takes it: [since, until) aligned on the resolution. */
export function alignedWindow(r: StatsRequest): { since: number; until: number; resolutionMs: number } {
  const first = Math.floor(r.since / r.resolution) * r.resolution;
  const last = Math.floor(r.until / r.resolution) * r.resolution;
  return { since: first * 1000, until: (last + r.resolution) * 1000, resolutionMs: r.resolution * 1000 };
}
