import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_QUERY = 'is:unresolved';

export type SortKey = 'date' | 'new' | 'freq' | 'user';
export const SORTS: readonly [SortKey, string][] = [
  ['date', 'Last seen'],
  ['new', 'First seen'],
  ['freq', 'Events'],
  ['user', 'Users'],
];

export const PERIODS: readonly [string, string][] = [
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['14d', 'Last 14 days'],
  ['30d', 'Last 30 days'],
  ['90d', 'Last 90 days'],
];

export interface ListParams {
  readonly project: string | null;
  /** The search text; Sentry's default `is:unresolved` when the URL has none. */
  readonly query: string;
  readonly sort: SortKey;
  readonly statsPeriod: string;
  readonly environment: string;
  readonly cursor: string;
  /** Rows per page: 25 (Sentry's default) up to 100, the API's maximum. */
  readonly limit: number;
}

export const PAGE_SIZES = [25, 50, 100] as const;

/** The sparkline the list endpoint offers (24 hourly or 14 daily buckets) that fits the range. */
export function sparklinePeriod(statsPeriod: string): '24h' | '14d' {
  return statsPeriod === '1h' || statsPeriod === '24h' ? '24h' : '14d';
}

/**
 * The list's state lives in the URL (`?project=&query=&sort=&statsPeriod=&environment=&cursor=`)
 * so a link shows the same list to whoever opens it. Changing a filter drops the cursor.
 */
export function useListParams(): [ListParams, (patch: Partial<ListParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const sort = search.get('sort');
  const params: ListParams = {
    project: search.get('project'),
    query: search.get('query') ?? DEFAULT_QUERY,
    sort: sort === 'new' || sort === 'freq' || sort === 'user' ? sort : 'date',
    statsPeriod: search.get('statsPeriod') ?? '24h',
    environment: search.get('environment') ?? '',
    cursor: search.get('cursor') ?? '',
    limit: PAGE_SIZES.find((n) => String(n) === search.get('limit')) ?? PAGE_SIZES[0],
  };
  const update = useCallback(
    (patch: Partial<ListParams>) => {
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (k === 'query') next.set('query', v as string);
          else if (v === null || v === '' || (k === 'sort' && v === 'date') || (k === 'statsPeriod' && v === '24h') || (k === 'limit' && v === PAGE_SIZES[0]))
            next.delete(k);
          else next.set(k, String(v));
        }
        if (!('cursor' in patch)) next.delete('cursor');
        return next;
      });
    },
    [setSearch],
  );
  return [params, update];
}
