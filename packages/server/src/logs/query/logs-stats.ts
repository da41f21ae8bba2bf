import type { JsonObject, JsonValue } from '@faultline/protocol';
import { fail } from '../../kernel/index.js';
import { all, one, type ProjectRef, parseEventsRequest, parsePeriodSeconds, type QueryParams } from '../../performance/index.js';
import type { LogsRepo } from '../store/logs-repo.js';
import { compileAggregate, type FunctionField, type LogAccumulator } from './log-aggregates.js';
import { resolveLogField } from './log-fields.js';
import { compileLogFilters } from './log-filters.js';
import { topEventsOf, topLogSeries } from './logs-top-events.js';
import { minuteCountPlan, readMinuteCounts } from './minute-counts.js';
import { scanLogs } from './scan-logs.js';

/**
 * `GET /organizations/{org}/events-stats/?dataset=logs` (Sentry API reference, "Retrieve Event
 * Counts for an Organization"; docs/logs.md › API): zero-filled series of `count()` (or another
 * logs aggregate) per interval, in the same shape as the other datasets — every bucket
 * `[seconds, [{"count": value}]]`, one series per yAxis keyed by its name when there are several;
 * with `topEvents`, one series per top group of the `field` columns (logs-top-events.ts).
 */
const MAX_POINTS = 10_000;

function defaultInterval(rangeSeconds: number): number {
  const day = 86_400;
  if (rangeSeconds >= 30 * day) return 4 * 3600;
  if (rangeSeconds > day) return 3600;
  if (rangeSeconds > 6 * 3600) return 300;
  return 60;
}

export async function runLogsStats(repo: LogsRepo, params: QueryParams, projects: readonly ProjectRef[], nowMs: number): Promise<JsonObject> {
  if (one(params, 'comparisonDelta') !== undefined) fail('validation_failed', 'comparisonDelta is not supported yet');
  const yAxisTexts = all(params, 'yAxis');
  if (yAxisTexts.length === 0) yAxisTexts.push('count()');
  const top = topEventsOf(params);
  // With topEvents, `field` also names the grouping columns (Grafana sends the yAxes there too).
  const groupTexts = top > 0 ? all(params, 'field').filter((f) => !f.includes('(') && !yAxisTexts.includes(f)) : [];
  if (groupTexts.includes('timestamp')) fail('validation_failed', 'timestamp cannot be a top events field');
  const request = parseEventsRequest(
    { ...params, field: [...yAxisTexts, ...groupTexts], sort: top > 0 ? all(params, 'sort') : [], orderby: top > 0 ? all(params, 'orderby') : [] },
    nowMs,
    { requireFields: false, maxPerPage: 100 },
  );
  const yAxes = request.fields.filter((f): f is FunctionField => f.kind === 'function');
  if (yAxes.length !== yAxisTexts.length) fail('validation_failed', 'yAxis must be aggregate functions, such as count()');
  const aggregates = yAxes.map(compileAggregate);
  const intervalText = one(params, 'interval');
  const interval =
    intervalText === undefined || intervalText === '' ? defaultInterval(request.end - request.start) : parsePeriodSeconds(intervalText, 'interval');
  if (interval < 1) fail('validation_failed', 'interval must be at least one second');
  const start = Math.floor(request.start / interval) * interval;
  const end =
    one(params, 'partial') === '1' ? Math.ceil(request.end / interval) * interval : Math.max(start + interval, Math.floor(request.end / interval) * interval);
  const points = (end - start) / interval;
  if (points * Math.max(1, top + 1) > MAX_POINTS)
    fail('validation_failed', 'Your interval and date range would create too many results. Use a larger interval, or a smaller date range.');
  const filters = compileLogFilters(request.filters, request.environments);
  const meta = {
    fields: Object.fromEntries(aggregates.map((a) => [a.spelling, a.type])),
    units: Object.fromEntries(aggregates.map((a) => [a.spelling, null])),
    isMetricsData: false,
    isMetricsExtractedData: false,
    tips: {},
    datasetReason: 'unchanged',
    dataset: request.dataset,
  };
  if (top > 0) {
    const sort = request.sort[0];
    return topLogSeries(repo, {
      projects,
      filters,
      aggregates,
      groups: groupTexts.map(resolveLogField),
      // Ranked by the sort's aggregate when it names one, else by the first yAxis, most first.
      rankBy: Math.max(0, sort === undefined ? 0 : aggregates.findIndex((a) => a.spelling === sort.field)),
      ascending: sort !== undefined && !sort.descending && aggregates.some((a) => a.spelling === sort.field),
      top,
      excludeOther: one(params, 'excludeOther') === '1',
      window: { start, end, interval },
      meta,
    });
  }
  const buckets: LogAccumulator[][] = Array.from({ length: points }, () => aggregates.map((a) => a.start()));
  const plan = interval % 60 === 0 ? minuteCountPlan(yAxes, [], request.filters, request.environments) : null;
  const counted = new Array<number>(points).fill(0);
  if (plan !== null) {
    // Buckets of whole minutes (start and end are multiples of the interval): exact from the per-minute counts.
    await readMinuteCounts(repo, projects, start, end, plan, (minute, _severity, _project, n) => {
      const i = Math.floor((minute - start) / interval);
      if (i >= 0 && i < points) counted[i] = (counted[i] ?? 0) + n;
    });
  } else {
    await scanLogs(repo, { projects, start, end, filters }, (line, project) => {
      const bucket = buckets[Math.floor((line.timestamp - start) / interval)];
      if (bucket !== undefined) for (const acc of bucket) acc.add(line, project);
    });
  }
  const series = (i: number): JsonObject => ({
    data: buckets.map((b, n): JsonValue => [start + n * interval, [{ count: plan !== null ? (counted[n] ?? 0) : (b[i] as LogAccumulator).value() }]]),
    start,
    end,
    isMetricsData: false,
    meta,
  });
  if (aggregates.length === 1) return series(0);
  return Object.fromEntries(aggregates.map((a, i) => [a.spelling, { ...series(i), order: i }]));
}
