import type { JsonObject, JsonValue } from '@faultline/protocol';
import type { Kysely } from 'kysely';
import { fail } from '../../kernel/index.js';
import type { Database } from '../../store/index.js';
import { mergeDurationCounts } from '../rollups/duration-counts.js';
import { SPAN_ROLLUP_SECONDS } from '../rollups/rollup-deltas.js';
import { type Accumulator, emptyAccumulator, evaluate, functionMeta } from './aggregates.js';
import { all, type EventsRequest, one, type ParsedField, parseEventsRequest, parsePeriodSeconds, type QueryParams } from './events-request.js';
import { computeGroups, datasetKind, type EventNaming, type Group, type ProjectRef } from './events-table.js';

/**
 * `GET /organizations/{org}/events-stats/` (Sentry API reference, "Retrieve Event Counts for an
 * Organization"): zero-filled time series of one or more aggregates, optionally split by the top
 * groups of `field`. Every bucket is `[seconds, [{"count": value}]]` — the key is literally
 * `count` whatever the aggregate, and the inner list is never empty, because Grafana's decoder
 * reads its first element.
 */
const MAX_POINTS = 10_000;
const MAX_TOP_EVENTS = 10;
const LEGACY_Y_AXES: Readonly<Record<string, string>> = { event_count: 'count()', user_count: 'count_unique(user)' };

type FunctionField = Extract<ParsedField, { kind: 'function' }>;

function defaultInterval(rangeSeconds: number): number {
  const day = 86_400;
  if (rangeSeconds >= 60 * day) return day;
  if (rangeSeconds >= 30 * day) return 4 * 3600;
  if (rangeSeconds > day) return 3600;
  if (rangeSeconds > 6 * 3600) return 300;
  return 60;
}

function intervalOf(params: QueryParams, rangeSeconds: number): number {
  const text = one(params, 'interval');
  if (text === undefined || text === '') return defaultInterval(rangeSeconds);
  // Rollups are per minute: a shorter interval is answered at one minute.
  return Math.max(60, Math.ceil(parsePeriodSeconds(text, 'interval') / 60) * 60);
}

export async function runEventsStats(
  db: Kysely<Database>,
  params: QueryParams,
  projects: readonly ProjectRef[],
  nowMs: number,
  naming: EventNaming,
): Promise<JsonObject> {
  if (one(params, 'comparisonDelta') !== undefined) fail('validation_failed', 'comparisonDelta is not supported yet');
  const yAxisTexts = all(params, 'yAxis').map((y) => LEGACY_Y_AXES[y] ?? y);
  if (yAxisTexts.length === 0) yAxisTexts.push('count()');
  const topText = one(params, 'topEvents');
  const top = topText === undefined ? 0 : Number(topText);
  if (topText !== undefined && (!Number.isInteger(top) || top < 1)) fail('validation_failed', 'topEvents needs to be at least 1');
  if (top > MAX_TOP_EVENTS) fail('validation_failed', `Can only get up to ${MAX_TOP_EVENTS} top events`);
  // The fields: every yAxis, plus (with topEvents) the grouping columns of `field`.
  const groupTexts = top > 0 ? all(params, 'field').filter((f) => !f.includes('(') && !yAxisTexts.includes(f)) : [];
  if (groupTexts.includes('timestamp')) fail('validation_failed', 'timestamp cannot be a top events field');
  const request = parseEventsRequest({ ...params, field: [...yAxisTexts, ...groupTexts], sort: all(params, 'sort'), orderby: all(params, 'orderby') }, nowMs, {
    requireFields: false,
    maxPerPage: 100,
  });
  const yAxes = request.fields.filter((f): f is FunctionField => f.kind === 'function');
  if (yAxes.length !== yAxisTexts.length) fail('validation_failed', 'yAxis must be aggregate functions, such as count() or p95(transaction.duration)');
  const asked = intervalOf(params, request.end - request.start);
  // Span groups are rolled up per hour: their series have hourly buckets at the finest.
  const hourly = datasetKind(request) === 'spans' && !request.filters.some((f) => f.key === 'is_transaction' && f.values[0] === 'true' && !f.negated);
  const interval = hourly ? Math.max(SPAN_ROLLUP_SECONDS, Math.ceil(asked / SPAN_ROLLUP_SECONDS) * SPAN_ROLLUP_SECONDS) : asked;
  const start = Math.floor(request.start / interval) * interval;
  const partial = one(params, 'partial') === '1';
  const end = partial ? Math.ceil(request.end / interval) * interval : Math.max(start + interval, Math.floor(request.end / interval) * interval);
  const points = (end - start) / interval;
  if (points * Math.max(1, top + 1) > MAX_POINTS)
    fail('validation_failed', 'Your interval and date range would create too many results. Use a larger interval, or a smaller date range.');
  const bucketed: EventsRequest = { ...request, start, end };

  const meta = metaOf(request, yAxes);
  const series = (groups: readonly Group[], y: FunctionField, ctxWindow: number): JsonObject => {
    const byBucket = new Map<number, Accumulator>();
    for (const g of groups) if (g.bucket !== null) byBucket.set(g.bucket, merge(byBucket.get(g.bucket), g.acc));
    const data: JsonValue[] = [];
    for (let t = start; t < end; t += interval) {
      const acc = byBucket.get(t) ?? emptyAccumulator();
      data.push([t, [{ count: evaluate(y, acc, { windowSeconds: ctxWindow, dataset: datasetOf(request), totalSelfMs: 0 }) }]]);
    }
    return { data, start, end, isMetricsData: false, meta };
  };

  if (top === 0) {
    const computed = await computeGroups(db, bucketed, projects, [], naming, interval);
    if (yAxes.length === 1) return series(computed.groups, yAxes[0] as FunctionField, interval);
    return Object.fromEntries(yAxes.map((y, order) => [y.spelling, { ...series(computed.groups, y, interval), order }]));
  }

  // Rank the groups over the whole window, then draw each of the top N (and the rest as Other).
  const ranking = await computeGroups(db, request, projects, groupTexts, naming);
  const sortSpec = request.sort[0] ?? { field: (yAxes[0] as FunctionField).spelling, descending: true };
  const sortField = request.fields.find((f) => f.spelling === sortSpec.field);
  const rankValue = (g: Group): number => {
    if (sortField?.kind === 'function') return Number(evaluate(sortField, g.acc, ranking.ctx) ?? 0);
    return 0;
  };
  const ranked = [...ranking.groups].sort((a, b) => (sortSpec.descending ? rankValue(b) - rankValue(a) : rankValue(a) - rankValue(b)));
  const topKeys = ranked.slice(0, top).map((g) => labelOf(g, groupTexts));
  if (topKeys.length === 0) return series([], yAxes[0] as FunctionField, interval);
  const perBucket = await computeGroups(db, bucketed, projects, groupTexts, naming, interval);
  const out: JsonObject = {};
  const groupsOf = (label: string) => perBucket.groups.filter((g) => labelOf(g, groupTexts) === label);
  const others = perBucket.groups.filter((g) => !topKeys.includes(labelOf(g, groupTexts)));
  const entries: [string, Group[]][] = topKeys.map((k) => [k, groupsOf(k)]);
  if (one(params, 'excludeOther') !== '1' && ranked.length > top) entries.push(['Other', others]);
  entries.forEach(([label, groups], order) => {
    out[label] =
      yAxes.length === 1
        ? { ...series(groups, yAxes[0] as FunctionField, interval), order }
        : { ...Object.fromEntries(yAxes.map((y, i) => [y.spelling, { ...series(groups, y, interval), order: i }])), order };
  });
  return out;
}

function datasetOf(request: EventsRequest) {
  return datasetKind(request);
}

/** A top group's label: its values joined with `,` in `field` order, missing values empty. */
function labelOf(g: Group, fields: readonly string[]): string {
  return fields.map((f) => (g.key[f] === null || g.key[f] === undefined ? '' : String(g.key[f]))).join(',');
}

function merge(into: Accumulator | undefined, add: Accumulator): Accumulator {
  if (into === undefined) {
    const copy = emptyAccumulator();
    return merge(copy, add);
  }
  mergeDurationCounts(into, add);
  into.sumSelfMs += add.sumSelfMs;
  if (add.selfTimes.count > 0) into.selfTimes.merge(add.selfTimes);
  into.users = add.users === null ? into.users : (into.users ?? 0) + add.users;
  into.lastSeenMs = Math.max(into.lastSeenMs, add.lastSeenMs);
  return into;
}

function metaOf(request: EventsRequest, yAxes: readonly FunctionField[]): JsonObject {
  const fields: JsonObject = {};
  const units: JsonObject = {};
  for (const y of yAxes) {
    const m = functionMeta(y);
    fields[y.spelling] = m.type;
    units[y.spelling] = m.unit;
  }
  return { fields, units, isMetricsData: false, isMetricsExtractedData: false, tips: {}, datasetReason: 'unchanged', dataset: request.dataset };
}
