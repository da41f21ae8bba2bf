import type { Query } from '../../api/index.js';

/**
 * What the performance pages ask `events/` for (Sentry API docs, "Query Explore Events in Table
 * Format"; docs/performance-monitoring.md › In the web UI) and the filters they share. The page's
 * state lives in the URL: `statsPeriod`, `environment`, `release`, `sort`, `cursor`.
 */

export const PERIODS = [
  ['24h', '24 hours'],
  ['7d', '7 days'],
  ['14d', '14 days'],
  ['30d', '30 days'],
  ['90d', '90 days'],
] as const;
export type Period = (typeof PERIODS)[number][0];
export const DEFAULT_PERIOD: Period = '24h';

export function periodOf(text: string | null): Period {
  return PERIODS.find(([p]) => p === text)?.[0] ?? DEFAULT_PERIOD;
}

export function periodLabel(period: Period): string {
  return PERIODS.find(([p]) => p === period)?.[1] ?? period;
}

/** The window of equal length just before `statsPeriod=period`: `statsPeriodStart=2×period&statsPeriodEnd=period`. */
export function previousWindow(period: Period): { statsPeriodStart: string; statsPeriodEnd: string } {
  const m = /^(\d+)([a-z])$/.exec(period);
  const [n, unit] = m ? [Number(m[1]), m[2]] : [24, 'h'];
  return { statsPeriodStart: `${n * 2}${unit}`, statsPeriodEnd: `${n}${unit}` };
}

/** A value for the search syntax, always quoted so spaces, colons and commas in route names stay one value. */
export function quoteValue(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export interface PerformanceFilters {
  readonly projectId: string;
  readonly period: Period;
  readonly environment: string;
  readonly release: string;
}

/** `query=` terms: the release filter plus whatever the caller adds (`transaction:"…"`). */
export function searchOf(filters: Pick<PerformanceFilters, 'release'>, ...terms: string[]): string {
  return [...(filters.release ? [`release:${quoteValue(filters.release)}`] : []), ...terms].join(' ');
}

/** Project, window and environment, as every performance query sends them. */
export function scopeOf(filters: PerformanceFilters): Query {
  return {
    project: filters.projectId,
    statsPeriod: filters.period,
    environment: filters.environment || undefined,
  };
}

export const TRANSACTION_FIELDS = {
  name: 'transaction',
  p50: 'p50(transaction.duration)',
  p95: 'p95(transaction.duration)',
  tpm: 'tpm()',
  /** Faultline's estimate before client sampling (docs/performance-monitoring.md › Sampling); absent on other servers */
  tpmEstimated: 'epm_estimated()',
  failureRate: 'failure_rate()',
  users: 'count_unique(user)',
  count: 'count()',
} as const;

export const DEFAULT_SORT = `-${TRANSACTION_FIELDS.tpm}`;

/** The sortable fields: the server sorts by any selected field (`sort=-p95(transaction.duration)`). */
export function sortOf(text: string | null): { field: string; descending: boolean } {
  const raw = text ?? DEFAULT_SORT;
  const field = raw.startsWith('-') ? raw.slice(1) : raw;
  if (!(Object.values(TRANSACTION_FIELDS) as string[]).includes(field) || field === TRANSACTION_FIELDS.tpmEstimated)
    return { field: TRANSACTION_FIELDS.tpm, descending: true };
  return { field, descending: raw.startsWith('-') };
}

/** The link to a route's summary, carrying the filters along. */
export function summaryHref(org: string, filters: PerformanceFilters, transaction: string): string {
  const params = new URLSearchParams({ project: filters.projectId, transaction, statsPeriod: filters.period });
  if (filters.environment) params.set('environment', filters.environment);
  if (filters.release) params.set('release', filters.release);
  return `/organizations/${org}/performance/summary/?${params}`;
}

export function traceHref(org: string, traceId: string): string {
  return `/organizations/${org}/traces/${traceId}/`;
}
