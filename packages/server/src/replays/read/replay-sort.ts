import { fail } from '../../kernel/index.js';
import type { ReplayJson } from './replay-json.js';
import { valuesOf } from './replay-query.js';

/** The sort keys of Sentry's replay list (`sort` or `orderBy`, `-` for descending). */
export const REPLAY_SORT_KEYS = new Set([
  'started_at',
  'finished_at',
  'duration',
  'count_errors',
  'count_warnings',
  'count_infos',
  'count_urls',
  'count_segments',
  'count_dead_clicks',
  'count_rage_clicks',
  'activity',
  'browser.name',
  'browser.version',
  'os.name',
  'os.version',
  'device.name',
  'device.brand',
  'device.model',
  'device.family',
  'sdk.name',
  'sdk.version',
  'user.email',
  'user.id',
  'user.username',
  'project_id',
  'platform',
  'dist',
  'environment',
  'replay_type',
]);

export const DEFAULT_REPLAY_SORT = '-started_at';

export type ReplayComparator = (a: ReplayJson, b: ReplayJson) => number;

/** Compares by the key, missing values last either way, then by id for a stable page order. */
export function parseReplaySort(text: string | undefined): ReplayComparator {
  const raw = text === undefined || text === '' ? DEFAULT_REPLAY_SORT : text;
  const descending = raw.startsWith('-');
  const key = descending ? raw.slice(1) : raw;
  if (!REPLAY_SORT_KEYS.has(key)) fail('validation_failed', `Invalid sort: ${key}`);
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return va === vb ? a.id.localeCompare(b.id) : va === null ? 1 : -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return c !== 0 ? sign * c : a.id.localeCompare(b.id);
  };
}

function sortValue(r: ReplayJson, key: string): number | string | null {
  const direct = r[key];
  if (typeof direct === 'number') return direct;
  const first = valuesOf(r, key)[0];
  if (first === undefined) return null;
  return key === 'project_id' ? Number(first) : first;
}
