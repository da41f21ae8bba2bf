import { isDataCategory } from '@faultline/protocol';
import { fail } from '../kernel/index.js';

export const statsGroupings = ['outcome', 'category', 'reason', 'project'] as const;
export type StatsGrouping = (typeof statsGroupings)[number];

/** A parsed `stats_v2` request (Sentry's organization stats API). */
export interface StatsQuery {
  field: 'sum(quantity)';
  groupBy: StatsGrouping[];
  /** inclusive, ms, aligned to the interval */
  start: number;
  /** exclusive, ms, aligned to the interval */
  end: number;
  intervalMs: number;
  categories: string[];
  outcomes: string[];
  reasons: string[];
  /** null = every project of the organization */
  projectIds: number[] | null;
}

export type QueryParams = Record<string, string | string[] | undefined>;

const hourMs = 3_600_000;
const units: Record<string, number> = { s: 1000, m: 60_000, h: hourMs, d: 24 * hourMs, w: 7 * 24 * hourMs };
const knownOutcomes = new Set(['accepted', 'filtered', 'rate_limited', 'invalid', 'client_discard', 'abuse', 'cardinality_limited']);
const maxIntervals = 10_000;

function list(params: QueryParams, name: string): string[] {
  const v = params[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function one(params: QueryParams, name: string): string | undefined {
  return list(params, name)[0];
}

function duration(text: string, name: string): number {
  const m = /^(\d{1,6})([smhdw])$/.exec(text);
  if (!m?.[1] || !m[2]) fail('validation_failed', `${name} must look like 24h, 14d or 30m`);
  return Number(m[1]) * (units[m[2]] ?? hourMs);
}

function instant(text: string, name: string): number {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) fail('validation_failed', `${name} must be an ISO 8601 date`);
  return ms;
}

/** Parses Sentry's query parameters; counters are hourly, so the interval is at least 1h. */
export function parseStatsQuery(params: QueryParams, now: number): StatsQuery {
  const field = one(params, 'field') ?? 'sum(quantity)';
  if (field !== 'sum(quantity)') fail('validation_failed', `Unsupported field "${field}": only sum(quantity) is available`);
  const groupBy: StatsGrouping[] = [];
  for (const g of list(params, 'groupBy')) {
    if (!(statsGroupings as readonly string[]).includes(g)) fail('validation_failed', `Invalid groupBy "${g}": use ${statsGroupings.join(', ')}`);
    if (!groupBy.includes(g as StatsGrouping)) groupBy.push(g as StatsGrouping);
  }
  const intervalMs = duration(one(params, 'interval') ?? '1h', 'interval');
  if (intervalMs < hourMs || intervalMs % hourMs !== 0) fail('validation_failed', 'interval must be a whole number of hours (at least 1h)');
  const startText = one(params, 'start');
  const endText = one(params, 'end');
  let from: number;
  let to: number;
  if (startText !== undefined || endText !== undefined) {
    if (startText === undefined || endText === undefined) fail('validation_failed', 'start and end must be given together');
    from = instant(startText, 'start');
    to = instant(endText, 'end');
  } else {
    to = now;
    from = now - duration(one(params, 'statsPeriod') ?? '24h', 'statsPeriod');
  }
  const start = Math.floor(from / intervalMs) * intervalMs;
  const end = Math.floor(to / intervalMs) * intervalMs + intervalMs;
  if (end <= start) fail('validation_failed', 'end must be after start');
  if ((end - start) / intervalMs > maxIntervals) fail('validation_failed', 'Too many intervals: use a larger interval or a shorter period');
  const categories = list(params, 'category');
  for (const c of categories) if (!isDataCategory(c)) fail('validation_failed', `Invalid category "${c}"`);
  const outcomes = list(params, 'outcome');
  for (const o of outcomes) if (!knownOutcomes.has(o)) fail('validation_failed', `Invalid outcome "${o}"`);
  const projects = list(params, 'project');
  let projectIds: number[] | null = null;
  if (projects.length > 0 && !projects.includes('-1')) {
    for (const p of projects) if (!/^\d+$/.test(p)) fail('validation_failed', `Invalid project "${p}"`);
    projectIds = projects.map(Number);
  }
  return { field, groupBy, start, end, intervalMs, categories, outcomes, reasons: list(params, 'reason'), projectIds };
}
