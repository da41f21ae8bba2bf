import { type EventsTable, useResource } from '../../api/index.js';
import { numberOf } from './format.js';
import { TRANSACTION_FIELDS as F, type PerformanceFilters, previousWindow, quoteValue, searchOf } from './performance-query.js';

/**
 * The p95 of the given routes in the window of equal length before the current one: route → p95,
 * undefined while loading or when it could not be loaded (the table then shows no change).
 */
export function usePreviousP95(org: string, filters: PerformanceFilters, names: readonly string[]): ReadonlyMap<string, number | null> | undefined {
  const list = names.length > 0 ? `${F.name}:[${names.map(quoteValue).join(',')}]` : '';
  const previous = useResource<EventsTable>(names.length > 0 ? `organizations/${org}/events/` : null, {
    dataset: 'transactions',
    field: [F.name, F.p95],
    query: searchOf(filters, list),
    project: filters.projectId,
    environment: filters.environment || undefined,
    per_page: 100,
    ...previousWindow(filters.period),
  });
  if (!previous.data) return undefined;
  return new Map(previous.data.data.map((r) => [String(r[F.name] ?? ''), numberOf(r[F.p95])]));
}
