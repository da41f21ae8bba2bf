import { clickTotals } from '../replay-summary.js';
import type { ReplayRecord } from '../store/replay-repo.js';

/** Sentry's replay object (Sentry API reference, "List an Organization's Replays"), built from a stored row. */
export type ReplayJson = Readonly<Record<string, unknown>> & { readonly id: string };

export const REPLAY_FIELDS = [
  'id',
  'project_id',
  'replay_type',
  'started_at',
  'finished_at',
  'duration',
  'environment',
  'platform',
  'dist',
  'releases',
  'urls',
  'count_urls',
  'count_segments',
  'count_errors',
  'count_warnings',
  'count_infos',
  'count_dead_clicks',
  'count_rage_clicks',
  'activity',
  'error_ids',
  'warning_ids',
  'info_ids',
  'trace_ids',
  'tags',
  'user',
  'sdk',
  'os',
  'browser',
  'device',
  'is_archived',
  'has_viewed',
  'clicks',
] as const;

/** Sentry emits replay times with a `+00:00` offset and no fraction. */
function iso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

/**
 * Activity 1–10 as Sentry weighs it: errors count five times as much as pages visited
 * (https://docs.sentry.io/product/explore/session-replay/web/replay-page-and-filters/ › Activity).
 */
export function activityOf(errors: number, urls: number): number {
  return Math.max(1, Math.min(10, Math.floor((errors * 25 + urls * 5) / 10)));
}

export function replayJson(r: ReplayRecord): ReplayJson {
  const id = r.replayId;
  const projectId = String(r.projectId);
  if (r.isArchived) return archivedJson(id, projectId);
  const s = r.summary;
  const urls = s.urls.map(([, url]) => url);
  const clicks = clickTotals(s);
  const user = s.user;
  const tags: Record<string, string[]> = { ...s.tags };
  const derived: [string, string | null | undefined][] = [
    ['browser.name', s.browser?.name],
    ['os.name', s.os?.name],
    ['sdk.name', s.sdk?.name],
    ['environment', r.environment],
    ['release', s.releases[0]],
  ];
  for (const [key, value] of derived) if (value !== null && value !== undefined && !Object.hasOwn(tags, key)) tags[key] = [value];
  return {
    id,
    project_id: projectId,
    replay_type: s.replayType,
    started_at: iso(r.startedAt),
    finished_at: iso(r.finishedAt),
    duration: Math.max(0, Math.floor(r.finishedAt / 1000) - Math.floor(r.startedAt / 1000)),
    environment: r.environment,
    platform: s.platform ?? 'javascript',
    dist: s.dist,
    releases: s.releases,
    urls,
    count_urls: urls.length,
    count_segments: s.maxSegmentId + 1,
    count_errors: s.errorIds.length,
    count_warnings: s.warningIds.length,
    count_infos: s.infoIds.length,
    count_dead_clicks: clicks.dead,
    count_rage_clicks: clicks.rage,
    activity: activityOf(s.errorIds.length, urls.length),
    error_ids: s.errorIds,
    warning_ids: s.warningIds,
    info_ids: s.infoIds,
    trace_ids: s.traceIds,
    tags,
    user: {
      id: user?.id ?? null,
      username: user?.username ?? null,
      email: user?.email ?? null,
      ip: user?.ip ?? null,
      display_name: user?.username ?? user?.email ?? user?.id ?? user?.ip ?? null,
      geo: user?.geo ?? { city: null, country_code: null, region: null, subdivision: null },
    },
    sdk: { name: s.sdk?.name ?? null, version: s.sdk?.version ?? null },
    os: { name: s.os?.name ?? null, version: s.os?.version ?? null },
    browser: { name: s.browser?.name ?? null, version: s.browser?.version ?? null },
    device: { name: s.device?.name ?? null, brand: s.device?.brand ?? null, model: s.device?.model ?? null, family: s.device?.family ?? null },
    is_archived: false,
    has_viewed: false,
    clicks: [],
  };
}

/** A deleted replay: its id stays, everything else is gone (Sentry shows "Archived Replay"). */
function archivedJson(id: string, projectId: string): ReplayJson {
  return {
    id,
    project_id: projectId,
    replay_type: null,
    started_at: null,
    finished_at: null,
    duration: null,
    environment: null,
    platform: null,
    dist: null,
    releases: [],
    urls: [],
    count_urls: 0,
    count_segments: 0,
    count_errors: 0,
    count_warnings: 0,
    count_infos: 0,
    count_dead_clicks: 0,
    count_rage_clicks: 0,
    activity: 0,
    error_ids: [],
    warning_ids: [],
    info_ids: [],
    trace_ids: [],
    tags: {},
    user: { id: 'Archived Replay', username: null, email: null, ip: null, display_name: 'Archived Replay', geo: {} },
    sdk: { name: null, version: null },
    os: { name: null, version: null },
    browser: { name: null, version: null },
    device: { name: null, brand: null, model: null, family: null },
    is_archived: true,
    has_viewed: false,
    clicks: [],
  };
}

/** `field=` limits the keys returned (unknown fields are ignored); none = every key. */
export function pickFields(json: ReplayJson, fields: readonly string[]): Record<string, unknown> {
  if (fields.length === 0) return json;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (Object.hasOwn(json, f)) out[f] = json[f];
  return out;
}
