import { fail } from '../../kernel/index.js';
import { parsePeriodSeconds, parseProjectIds, parseWindow, type QueryParams } from '../../performance/index.js';
import { FIELD_SPECS, type FieldId, STATUS_FILTERS, type StatusName } from './session-fields.js';

/**
 * The parameters shared by `/sessions/` and `/metrics/data/` (docs/release-health.md › APIs),
 * validated whole: every problem is a 400 with Sentry's detail where Sentry has one.
 */
export type GroupByName = 'project' | 'release' | 'environment' | 'session.status';

export interface SeriesRequest {
  readonly fields: readonly { readonly spelling: string; readonly id: FieldId }[];
  readonly groupBy: readonly GroupByName[];
  /** null = every project the caller may read */
  readonly projectIds: readonly number[] | null;
  readonly environments: readonly string[] | null;
  readonly releases: readonly string[] | null;
  readonly statuses: readonly StatusName[] | null;
  readonly start: number;
  readonly end: number;
  readonly intervalMs: number;
  readonly orderBy: { readonly key: string; readonly descending: boolean } | null;
  readonly perPage: number;
  readonly offset: number;
  readonly includeTotals: boolean;
  readonly includeSeries: boolean;
  readonly query: string;
}

export interface SeriesRequestOptions {
  readonly catalogue: Readonly<Record<string, FieldId>>;
  readonly defaultPerPage: number;
  readonly maxPerPage: number;
  /** extra orderBy keys besides the requested fields (metrics/data: `release`) */
  readonly orderByColumns: readonly string[];
}

const GROUP_BYS: readonly string[] = ['project', 'release', 'environment', 'session.status'];
const MAX_BUCKETS = 1000;
const DAY_S = 86_400;

const all = (params: QueryParams, name: string): string[] => {
  const v = params[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
const one = (params: QueryParams, name: string) => all(params, name)[0];

export function parseSeriesRequest(params: QueryParams, nowMs: number, options: SeriesRequestOptions): SeriesRequest {
  const spellings = all(params, 'field');
  if (spellings.length === 0) fail('validation_failed', 'Request is missing a "field"');
  const fields = spellings.map((spelling) => {
    const id = options.catalogue[spelling.trim()];
    if (id === undefined) fail('validation_failed', `Invalid field: "${spelling.slice(0, 100)}"`);
    return { spelling, id };
  });
  const groupBy = all(params, 'groupBy').map((g) => {
    if (!GROUP_BYS.includes(g)) fail('validation_failed', `Invalid groupBy: "${g.slice(0, 100)}"`);
    return g as GroupByName;
  });
  const filters = parseSessionQuery(one(params, 'query') ?? '');
  const byStatus = groupBy.includes('session.status') || filters.statuses !== null;
  for (const f of fields) {
    if (byStatus && !FIELD_SPECS[f.id].statusAware) fail('validation_failed', `Cannot group field ${f.spelling} by session.status`);
  }

  const interval = one(params, 'interval') ?? '1h';
  const intervalS = parsePeriodSeconds(interval, 'interval');
  if (intervalS < 60 || intervalS > DAY_S || DAY_S % intervalS !== 0) {
    fail('validation_failed', 'The interval has to be at least one minute, at most a day, and divide a day evenly (1m, 5m, 15m, 30m, 1h, 2h, 6h, 12h, 1d).');
  }
  // Without a window Sentry's 90 days at the default 1h interval exceed the bucket limit: 24h is
  // what the Sentry UI asks for by default, so it is the default here (docs/release-health.md).
  const timed = ['start', 'end', 'statsPeriod', 'statsPeriodStart'].some((k) => params[k] !== undefined);
  const window = parseWindow(timed ? params : { ...params, statsPeriod: '24h' }, nowMs);
  // Aligned to the interval: start floored, end ceiled (Sentry's behaviour).
  const start = Math.floor(window.start / intervalS) * intervalS;
  const end = Math.max(start + intervalS, Math.ceil(window.end / intervalS) * intervalS);
  if ((end - start) / intervalS > MAX_BUCKETS) {
    fail('validation_failed', 'Your interval and date range would create too many results. Use a larger interval, or a smaller date range.');
  }

  const rawOrder = one(params, 'orderBy');
  let orderBy: SeriesRequest['orderBy'] = null;
  if (rawOrder !== undefined && rawOrder !== '') {
    const descending = rawOrder.startsWith('-');
    const key = descending ? rawOrder.slice(1) : rawOrder;
    if (!spellings.includes(key) && !options.orderByColumns.includes(key)) fail('validation_failed', `'orderBy' must be one of the provided 'fields'`);
    orderBy = { key, descending };
  }
  const perPageText = one(params, 'per_page');
  let perPage = options.defaultPerPage;
  if (perPageText !== undefined) {
    if (!/^\d{1,6}$/.test(perPageText) || Number(perPageText) < 1) fail('validation_failed', 'Invalid per_page value.');
    perPage = Number(perPageText);
    if (perPage > options.maxPerPage) fail('validation_failed', `Invalid per_page value. Cannot exceed ${options.maxPerPage}.`);
  }
  const cursor = one(params, 'cursor');
  let offset = 0;
  if (cursor !== undefined && cursor !== '') {
    const m = /^\d{1,10}:(\d{1,9}):[01]$/.exec(cursor);
    if (m === null) fail('validation_failed', 'Invalid cursor parameter.');
    offset = Number(m[1]);
  }
  const environments = all(params, 'environment').filter((e) => e !== '');
  return {
    fields,
    groupBy,
    projectIds: mergeProjects(parseProjectIds(params), filters.projects),
    environments: intersect(environments.length === 0 ? null : environments, filters.environments),
    releases: filters.releases,
    statuses: filters.statuses,
    start: start * 1000,
    end: end * 1000,
    intervalMs: intervalS * 1000,
    orderBy,
    perPage,
    offset,
    includeTotals: one(params, 'includeTotals') !== '0',
    includeSeries: one(params, 'includeSeries') !== '0',
    query: one(params, 'query') ?? '',
  };
}

interface SessionQueryFilters {
  readonly releases: string[] | null;
  readonly environments: string[] | null;
  readonly projects: number[] | null;
  readonly statuses: StatusName[] | null;
}

/**
 * `release:a`, `release:[a,b]`, `environment:"x y"`, `project:3`, `session.status:crashed`,
 * joined by spaces (AND) or `OR` between terms of the same key (union). Scanned character by
 * character: no regular expression runs over the query.
 */
export function parseSessionQuery(query: string): SessionQueryFilters {
  if (query.length > 2000) fail('validation_failed', 'query is too long');
  const values = new Map<string, string[]>();
  for (const term of splitTerms(query)) {
    if (term === 'OR' || term === 'AND') continue;
    const colon = term.indexOf(':');
    if (colon <= 0) fail('validation_failed', `Invalid condition: ${term.slice(0, 100)}`);
    const key = term.slice(0, colon);
    if (!['release', 'environment', 'project', 'session.status'].includes(key)) fail('validation_failed', `Invalid query field: ${key.slice(0, 100)}`);
    let raw = term.slice(colon + 1);
    const list = raw.startsWith('[') && raw.endsWith(']');
    if (list) raw = raw.slice(1, -1);
    const parts = (list ? raw.split(',') : [raw]).map((v) => unquote(v.trim())).filter((v) => v !== '');
    if (parts.length === 0) fail('validation_failed', `Invalid condition: ${term.slice(0, 100)}`);
    if (parts.some((v) => v.includes('*'))) fail('validation_failed', 'Invalid condition: wildcard search is not supported');
    values.set(key, [...(values.get(key) ?? []), ...parts]);
  }
  const statuses = values.get('session.status') ?? null;
  for (const s of statuses ?? [])
    if (!(STATUS_FILTERS as readonly string[]).includes(s)) fail('validation_failed', `Invalid session.status: ${s.slice(0, 50)}`);
  const projects = values.get('project') ?? null;
  for (const p of projects ?? []) if (!/^\d{1,12}$/.test(p)) fail('validation_failed', `Invalid project: ${p.slice(0, 50)}`);
  return {
    releases: values.get('release') ?? null,
    environments: values.get('environment') ?? null,
    projects: projects === null ? null : projects.map(Number),
    statuses: statuses as StatusName[] | null,
  };
}

function splitTerms(query: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (const ch of query) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (!quoted && !bracket && (ch === ' ' || ch === '\t' || ch === '\n')) {
      if (current !== '') terms.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (quoted) fail('validation_failed', 'Invalid query: unbalanced quotes');
  if (current !== '') terms.push(current);
  return terms;
}

function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function mergeProjects(fromParams: number[] | null, fromQuery: number[] | null): number[] | null {
  if (fromParams === null) return fromQuery;
  if (fromQuery === null) return fromParams;
  return fromParams.filter((p) => fromQuery.includes(p));
}

function intersect(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.filter((x) => b.includes(x));
}
