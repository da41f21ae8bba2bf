import type { JsonObject, JsonValue } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import { one, type ProjectRef, type QueryParams } from '../../performance/index.js';
import type { LogLine } from '../log-line.js';
import type { LogsRepo } from '../store/logs-repo.js';
import type { LogAccumulator, LogAggregate } from './log-aggregates.js';
import type { LogField, LogProject } from './log-fields.js';
import type { CompiledLogFilters } from './log-filters.js';
import { scanLogs } from './scan-logs.js';

/**
 * `events-stats/?dataset=logs&topEvents=N&field=severity&yAxis=count()` — the logs chart split by
 * the top N groups of the `field` columns (Sentry API reference, "Retrieve Event Counts for an
 * Organization"; docs/logs.md › API), in the shape of the other datasets: one series per group
 * keyed by its values joined with `,`, each with its `order`, and `Other` for the rest unless
 * `excludeOther=1`. Two scans of the window: the first ranks the groups over the whole window
 * (one accumulator per group, at most MAX_GROUPS of them), the second fills the buckets of the
 * top groups and Other only, so memory never grows with groups × buckets.
 */
export const MAX_TOP_EVENTS = 10;
/** Distinct groups the ranking keeps; a grouping with more (a message, an id) answers 400. */
const MAX_GROUPS = 50_000;

export function topEventsOf(params: QueryParams): number {
  const text = one(params, 'topEvents');
  if (text === undefined) return 0;
  const top = Number(text);
  if (!Number.isInteger(top) || top < 1) fail('validation_failed', 'topEvents needs to be at least 1');
  if (top > MAX_TOP_EVENTS) fail('validation_failed', `Can only get up to ${MAX_TOP_EVENTS} top events`);
  return top;
}

export interface TopLogsRequest {
  readonly projects: readonly ProjectRef[];
  readonly filters: CompiledLogFilters;
  readonly aggregates: readonly LogAggregate[];
  readonly groups: readonly LogField[];
  /** which aggregate ranks the groups */
  readonly rankBy: number;
  readonly ascending: boolean;
  readonly top: number;
  readonly excludeOther: boolean;
  readonly window: { readonly start: number; readonly end: number; readonly interval: number };
  readonly meta: JsonObject;
}

export async function topLogSeries(repo: LogsRepo, r: TopLogsRequest): Promise<JsonObject> {
  const { start, end, interval } = r.window;
  const points = (end - start) / interval;
  const scope = { projects: r.projects, start, end, filters: r.filters };
  // Sentry's label of a top group: its values in `field` order joined with `,`, missing ones empty.
  const labelOf = (line: LogLine, project: LogProject) =>
    r.groups
      .map((g) => {
        const v = g.read(line, project);
        return v === null ? '' : String(v);
      })
      .join(',');

  const totals = new Map<string, LogAccumulator>();
  const ranker = r.aggregates[r.rankBy] as LogAggregate;
  await scanLogs(repo, scope, (line, project) => {
    const label = labelOf(line, project);
    let acc = totals.get(label);
    if (acc === undefined) {
      if (totals.size >= MAX_GROUPS) fail('validation_failed', `topEvents: more than ${MAX_GROUPS} groups in the window; group by fewer or coarser fields`);
      acc = ranker.start();
      totals.set(label, acc);
    }
    acc.add(line, project);
  });
  const rank = (acc: LogAccumulator) => {
    const v = acc.value();
    return typeof v === 'number' ? v : Number.NEGATIVE_INFINITY;
  };
  const ranked = [...totals].sort(([la, a], [lb, b]) => (r.ascending ? rank(a) - rank(b) : rank(b) - rank(a)) || (la < lb ? -1 : la > lb ? 1 : 0));
  const labels = ranked.slice(0, r.top).map(([label]) => label);
  const withOther = !r.excludeOther && ranked.length > r.top;
  const series = [...labels, ...(withOther ? ['Other'] : [])];
  const slot = new Map(labels.map((l, i) => [l, i]));
  const buckets = series.map(() => Array.from({ length: points }, () => r.aggregates.map((a) => a.start())));
  if (labels.length > 0)
    await scanLogs(repo, scope, (line, project) => {
      const s = slot.get(labelOf(line, project)) ?? (withOther ? labels.length : undefined);
      const bucket = s === undefined ? undefined : buckets[s]?.[Math.floor((line.timestamp - start) / interval)];
      if (bucket !== undefined) for (const acc of bucket) acc.add(line, project);
    });

  const seriesOf = (perBucket: readonly LogAccumulator[][], i: number): JsonObject => ({
    data: perBucket.map((b, n): JsonValue => [start + n * interval, [{ count: (b[i] as LogAccumulator).value() }]]),
    start,
    end,
    isMetricsData: false,
    meta: r.meta,
  });
  if (series.length === 0)
    return seriesOf(
      Array.from({ length: points }, () => r.aggregates.map((a) => a.start())),
      0,
    );
  return Object.fromEntries(
    series.map((label, order) => {
      const perBucket = buckets[order] as LogAccumulator[][];
      const value =
        r.aggregates.length === 1
          ? { ...seriesOf(perBucket, 0), order }
          : { ...Object.fromEntries(r.aggregates.map((a, i) => [a.spelling, { ...seriesOf(perBucket, i), order: i }])), order };
      return [label, value];
    }),
  );
}
