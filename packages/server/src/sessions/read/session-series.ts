import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { emptyStats, type SessionGroupColumn, type SessionGroupStats, type SessionStats } from '../store/session-stats-query.js';
import type { SeriesRequest } from './series-request.js';
import { FIELD_SPECS, STATUS_GROUPS, type StatusName } from './session-fields.js';

/**
 * The response body shared by `/sessions/` and `/metrics/data/`: groups with `by`, `totals` and
 * `series` over aligned `intervals` (https://docs.sentry.io/api/releases/retrieve-release-health-session-statistics/).
 * Counts are integers defaulting to 0; rates and durations are numbers or null, never NaN.
 */
export type SeriesValue = number | null;

export interface SeriesGroup {
  by: Record<string, string | number>;
  totals: Record<string, SeriesValue>;
  series: Record<string, SeriesValue[]>;
}

export interface SeriesBody {
  start: string;
  end: string;
  intervals: string[];
  groups: SeriesGroup[];
  query: string;
}

const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

export async function sessionSeries(store: Store, request: SeriesRequest, readable: readonly number[]): Promise<{ body: SeriesBody; total: number }> {
  if (request.projectIds?.some((p) => !readable.includes(p))) fail('permission_denied');
  const projectIds = request.projectIds ?? readable;
  const columns = request.groupBy.filter((g): g is SessionGroupColumn => g !== 'session.status');
  const stats = await store.releaseHealth.stats({
    projectIds,
    start: request.start,
    end: request.end,
    intervalMs: request.intervalMs,
    groupBy: columns,
    withDurations: request.fields.some((f) => FIELD_SPECS[f.id].kind === 'duration'),
    ...(request.releases === null ? {} : { releases: request.releases }),
    ...(request.environments === null ? {} : { environments: request.environments }),
  });
  const slots = Math.round((request.end - request.start) / request.intervalMs);
  // Naive clients read groups[0].totals: without groupBy there is always the one `by: {}` group.
  const base: SessionGroupStats[] = stats.length === 0 && columns.length === 0 ? [{ by: {}, totals: emptyStats(), slots: [] }] : stats;
  const statuses: readonly (StatusName | null)[] = request.groupBy.includes('session.status') ? STATUS_GROUPS : [null];
  const groups: SeriesGroup[] = [];
  for (const g of base) {
    for (const status of statuses) {
      const by: Record<string, string | number> = {};
      for (const name of request.groupBy) {
        if (name === 'session.status') by[name] = status ?? '';
        else if (name === 'project') by.project = g.by.project ?? 0;
        else by[name] = g.by[name] ?? '';
      }
      const totals: Record<string, SeriesValue> = {};
      const series: Record<string, SeriesValue[]> = {};
      for (const f of request.fields) {
        const spec = FIELD_SPECS[f.id];
        const value = (s: SessionStats | undefined): SeriesValue => {
          const v = s === undefined ? null : statusValue(spec.value.bind(spec), s, status, request.statuses);
          return v === null && spec.kind === 'count' ? 0 : v;
        };
        totals[f.spelling] = value(g.totals);
        series[f.spelling] = Array.from({ length: slots }, (_, i) => value(g.slots[i]));
      }
      groups.push({ by, totals, series });
    }
  }
  if (request.orderBy !== null) sortGroups(groups, request.orderBy.key, request.orderBy.descending);
  const page = groups.slice(request.offset, request.offset + request.perPage);
  for (const g of page) {
    if (!request.includeTotals) g.totals = {};
    if (!request.includeSeries) g.series = {};
  }
  const intervals = Array.from({ length: slots }, (_, i) => isoSeconds(request.start + i * request.intervalMs));
  return {
    body: { start: isoSeconds(request.start), end: isoSeconds(request.end), intervals, groups: page, query: request.query },
    total: groups.length,
  };
}

/** A status filter without grouping sums the statuses it names (Sentry: "several statuses are summed"). */
function statusValue(
  fn: (s: SessionStats, status: StatusName | null) => number | null,
  s: SessionStats,
  grouped: StatusName | null,
  filter: readonly StatusName[] | null,
): number | null {
  if (grouped !== null) return filter !== null && !filter.includes(grouped) ? 0 : fn(s, grouped);
  if (filter === null) return fn(s, null);
  let sum: number | null = null;
  for (const status of filter) {
    const v = fn(s, status);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

function sortGroups(groups: SeriesGroup[], key: string, descending: boolean): void {
  const keyOf = (g: SeriesGroup): number | string | null => (key in g.totals ? (g.totals[key] ?? null) : (g.by[key] ?? null));
  groups.sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    // Nulls last either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -c : c;
  });
}
