import type { NameVersion, ReplayDevice, ReplayEventFacts, ReplayUser } from './replay-event-parser.js';

/**
 * What a replay's row aggregates from its segments' replay_events and recordings, stored as
 * JSON (`replays.summary`). Merging is idempotent per segment, so segments may arrive out of
 * order and a repeated segment replaces its earlier facts: urls and click counts are kept per
 * segment, id lists are unions, times are min/max. Sentry's aggregation rules:
 * https://docs.sentry.io/api/replays/ (the replay object).
 */
export interface ReplaySummary {
  replayType: 'session' | 'buffer';
  platform: string | null;
  dist: string | null;
  releases: string[];
  /** [segment id, url], in segment order */
  urls: [number, string][];
  errorIds: string[];
  warningIds: string[];
  infoIds: string[];
  traceIds: string[];
  user: ReplayUser | null;
  sdk: NameVersion | null;
  browser: NameVersion | null;
  os: NameVersion | null;
  device: ReplayDevice | null;
  tags: Record<string, string[]>;
  /** highest segment id seen in a replay_event or a recording; -1 before any */
  maxSegmentId: number;
  /** per recorded segment id: [clicks, dead clicks, rage clicks] */
  clicks: Record<string, [number, number, number]>;
  /** rrweb node ids of password inputs seen so far: later segments' input events on them are masked */
  passwordIds: number[];
}

/** Totals over the whole replay, bounded so one replay's row stays small. */
export const SUMMARY_LIMITS = { urls: 1000, ids: 1000, tagValues: 20, tagKeys: 100, passwordIds: 1000 } as const;

/** The summary text of a row claimed before any replay item filled it (store/replay-repo.ts). */
export const PLACEHOLDER_SUMMARY = '{}';

export function emptySummary(): ReplaySummary {
  return {
    replayType: 'session',
    platform: null,
    dist: null,
    releases: [],
    urls: [],
    errorIds: [],
    warningIds: [],
    infoIds: [],
    traceIds: [],
    user: null,
    sdk: null,
    browser: null,
    os: null,
    device: null,
    tags: {},
    maxSegmentId: -1,
    clicks: {},
    passwordIds: [],
  };
}

/** The stored summary, or an empty one when the text is not what this module wrote. */
export function readSummary(text: string): ReplaySummary {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...emptySummary(), ...(parsed as Partial<ReplaySummary>) };
  } catch {
    // a hand-edited row: start over
  }
  return emptySummary();
}

export function mergeEvent(summary: ReplaySummary, f: ReplayEventFacts): ReplaySummary {
  // Segment 0 names how the replay started; a later buffer→session switch keeps "buffer" as Sentry does.
  if (f.segmentId === 0 || summary.maxSegmentId < 0) summary.replayType = f.replayType;
  summary.platform = summary.platform ?? f.platform;
  summary.dist = summary.dist ?? f.dist;
  if (f.release !== null) union(summary.releases, [f.release], SUMMARY_LIMITS.ids);
  summary.urls = summary.urls.filter(([segment]) => segment !== f.segmentId);
  const at = summary.urls.findIndex(([segment]) => segment > f.segmentId);
  const added: [number, string][] = f.urls.map((u) => [f.segmentId, u]);
  summary.urls.splice(at < 0 ? summary.urls.length : at, 0, ...added);
  summary.urls = summary.urls.slice(0, SUMMARY_LIMITS.urls);
  union(summary.errorIds, f.errorIds, SUMMARY_LIMITS.ids);
  union(summary.traceIds, f.traceIds, SUMMARY_LIMITS.ids);
  summary.user = f.user ?? summary.user;
  summary.sdk = f.sdk ?? summary.sdk;
  summary.browser = f.browser ?? summary.browser;
  summary.os = f.os ?? summary.os;
  summary.device = f.device ?? summary.device;
  for (const [key, value] of f.tags) addTag(summary.tags, key, value);
  summary.maxSegmentId = Math.max(summary.maxSegmentId, f.segmentId);
  return summary;
}

export function mergeRecording(
  summary: ReplaySummary,
  segmentId: number,
  clicks: readonly [number, number, number],
  passwordIds: ReadonlySet<number>,
): ReplaySummary {
  summary.clicks[String(segmentId)] = [clicks[0], clicks[1], clicks[2]];
  const known = new Set(summary.passwordIds);
  for (const id of passwordIds) if (!known.has(id) && summary.passwordIds.length < SUMMARY_LIMITS.passwordIds) summary.passwordIds.push(id);
  summary.maxSegmentId = Math.max(summary.maxSegmentId, segmentId);
  return summary;
}

/** An error event that names this replay (or that a replay_event lists), by the event's level. */
export function mergeLinkedError(summary: ReplaySummary, eventId: string, level: string): ReplaySummary {
  const list = level === 'warning' ? summary.warningIds : level === 'info' || level === 'debug' ? summary.infoIds : summary.errorIds;
  union(list, [eventId], SUMMARY_LIMITS.ids);
  return summary;
}

export function clickTotals(summary: ReplaySummary): { clicks: number; dead: number; rage: number } {
  let clicks = 0;
  let dead = 0;
  let rage = 0;
  for (const [c, d, r] of Object.values(summary.clicks)) {
    clicks += c;
    dead += d;
    rage += r;
  }
  return { clicks, dead, rage };
}

function union(into: string[], values: readonly string[], max: number): void {
  for (const v of values) if (into.length < max && !into.includes(v)) into.push(v);
}

function addTag(tags: Record<string, string[]>, key: string, value: string): void {
  const existing = Object.hasOwn(tags, key) ? tags[key] : undefined;
  if (existing === undefined) {
    if (Object.keys(tags).length >= SUMMARY_LIMITS.tagKeys) return;
    Object.defineProperty(tags, key, { value: [value], enumerable: true, writable: true, configurable: true });
    return;
  }
  if (existing.length < SUMMARY_LIMITS.tagValues && !existing.includes(value)) existing.push(value);
}
