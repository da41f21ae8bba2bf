import { fail } from '../../kernel/index.js';
import { parseSearchFilters, type SearchFilter } from './search-filters.js';

/**
 * The parameters of `GET /organizations/{org}/events/` and `events-stats/` (Sentry API
 * reference, "Query Explore Events in Table Format" and "Retrieve Event Counts"): dataset,
 * fields, query, sort, page and time window. Everything wrong answers 400 with a detail naming
 * it, as Sentry does.
 */
export type QueryParams = Record<string, string | string[] | undefined>;

export const KNOWN_DATASETS = [
  'discover',
  'errors',
  'transactions',
  'spans',
  'logs',
  'ourlogs',
  'tracemetrics',
  'issuePlatform',
  'metricsEnhanced',
  'metrics',
  'profiles',
  'profileFunctions',
  'profile_functions',
  'uptime_results',
  'spansIndexed',
  'spansMetrics',
] as const;

export type ParsedField =
  | { readonly spelling: string; readonly kind: 'column'; readonly column: string }
  | { readonly spelling: string; readonly kind: 'function'; readonly name: string; readonly args: readonly string[] };

export interface EventsRequest {
  readonly dataset: string;
  readonly fields: readonly ParsedField[];
  readonly filters: readonly SearchFilter[];
  readonly sort: readonly { readonly field: string; readonly descending: boolean }[];
  readonly perPage: number;
  readonly offset: number;
  /** epoch seconds */
  readonly start: number;
  readonly end: number;
  /** null: every project the caller may read */
  readonly projectIds: readonly number[] | null;
  readonly environments: readonly string[];
}

const MAX_FIELDS = 20;
const DEFAULT_PERIOD_S = 90 * 86_400;

export function all(params: QueryParams, name: string): string[] {
  const v = params[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function one(params: QueryParams, name: string): string | undefined {
  return all(params, name)[0];
}

/** `count()`, `p95(transaction.duration)`, `percentile(span.duration, 0.95)`, or a column. */
export function parseField(spelling: string): ParsedField {
  const text = spelling.trim();
  const open = text.indexOf('(');
  if (open > 0 && text.endsWith(')')) {
    const name = text.slice(0, open);
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail('validation_failed', `${spelling} is not a valid function`);
    const inner = text.slice(open + 1, -1).trim();
    return { spelling, kind: 'function', name, args: inner === '' ? [] : splitArguments(inner) };
  }
  if (text === '' || text.length > 200) fail('validation_failed', `${spelling} is not a valid field`);
  return { spelling, kind: 'column', column: text };
}

/** Arguments split at commas outside brackets: `avg(tags[duration,number])` has one argument. */
function splitArguments(inner: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      args.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(inner.slice(start).trim());
  return args;
}

/** `24h`, `14d`, `2w`, `30m`, `45s`, or seconds (Sentry's statsPeriod). */
export function parsePeriodSeconds(text: string, name: string): number {
  const m = /^(\d{1,7})([smhdw]?)$/.exec(text);
  if (m === null) fail('validation_failed', `Invalid ${name}: ${text}`);
  const factor = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[m[2] as '' | 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(m[1]) * factor;
}

/** ISO 8601 with or without a zone; without one it is UTC (what Grafana sends). */
export function parseInstantSeconds(text: string, name: string): number {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(text);
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  if (!Number.isFinite(ms)) fail('validation_failed', `Invalid ${name}: ${text}`);
  return Math.floor(ms / 1000);
}

export function parseWindow(params: QueryParams, nowMs: number): { start: number; end: number } {
  // The end is exclusive: rounding "now" up keeps what arrived this second inside the window.
  const now = Math.ceil(nowMs / 1000) + 1;
  const startText = one(params, 'start');
  const endText = one(params, 'end');
  const period = one(params, 'statsPeriod');
  if (startText !== undefined || endText !== undefined) {
    if (startText === undefined || endText === undefined) fail('validation_failed', 'start and end must be given together');
    if (period !== undefined) fail('validation_failed', 'statsPeriod and start/end are mutually exclusive');
    const start = parseInstantSeconds(startText, 'start');
    const end = parseInstantSeconds(endText, 'end');
    if (start > end) fail('validation_failed', 'start must not be after end');
    return { start, end };
  }
  const periodStart = one(params, 'statsPeriodStart');
  if (periodStart !== undefined) {
    const periodEnd = one(params, 'statsPeriodEnd');
    return {
      start: now - parsePeriodSeconds(periodStart, 'statsPeriodStart'),
      end: now - (periodEnd === undefined ? 0 : parsePeriodSeconds(periodEnd, 'statsPeriodEnd')),
    };
  }
  return { start: now - (period === undefined ? DEFAULT_PERIOD_S : parsePeriodSeconds(period, 'statsPeriod')), end: now };
}

export function parseProjectIds(params: QueryParams): number[] | null {
  const ids = all(params, 'project');
  if (ids.length === 0 || ids.includes('-1')) return null;
  return ids.map((id) => {
    if (!/^\d{1,12}$/.test(id)) fail('validation_failed', `Invalid project parameter: ${id}`);
    return Number(id);
  });
}

export function parseEventsRequest(params: QueryParams, nowMs: number, options: { requireFields: boolean; maxPerPage: number }): EventsRequest {
  const dataset = one(params, 'dataset') ?? 'discover';
  if (!(KNOWN_DATASETS as readonly string[]).includes(dataset)) fail('validation_failed', `dataset must be one of: ${KNOWN_DATASETS.join(', ')}`);
  const fieldTexts = all(params, 'field');
  if (options.requireFields && fieldTexts.length === 0) fail('validation_failed', 'No columns selected');
  if (fieldTexts.length > MAX_FIELDS) fail('validation_failed', `You can view up to ${MAX_FIELDS} fields at a time. Please delete some and try again.`);
  const fields = fieldTexts.map(parseField);
  const sortTexts = [...all(params, 'sort'), ...all(params, 'orderby')];
  const sort = sortTexts.map((s) => ({ field: s.startsWith('-') ? s.slice(1) : s, descending: s.startsWith('-') }));
  for (const s of sort) {
    if (options.requireFields && !fieldTexts.includes(s.field)) fail('validation_failed', `Cannot sort by a field that is not selected: ${s.field}`);
  }
  const perPageText = one(params, 'per_page');
  const perPage = perPageText === undefined ? Math.min(100, options.maxPerPage) : Number(perPageText);
  if (!Number.isInteger(perPage) || perPage < 1) fail('validation_failed', 'Invalid per_page value.');
  if (perPage > options.maxPerPage) fail('validation_failed', `Invalid per_page value. Cannot exceed ${options.maxPerPage}.`);
  const cursor = one(params, 'cursor');
  let offset = 0;
  if (cursor !== undefined) {
    const parts = cursor.split(':');
    if (parts.length !== 3 || !/^\d{1,9}$/.test(parts[1] ?? '')) fail('validation_failed', `Invalid cursor: ${cursor}`);
    offset = Number(parts[1]);
  }
  const { start, end } = parseWindow(params, nowMs);
  return {
    dataset,
    fields,
    filters: parseSearchFilters(one(params, 'query') ?? ''),
    sort,
    perPage,
    offset,
    start,
    end,
    projectIds: parseProjectIds(params),
    environments: all(params, 'environment'),
  };
}
