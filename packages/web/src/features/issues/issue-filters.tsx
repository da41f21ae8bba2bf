import { useId } from 'react';
import { type ListParams, PERIODS, SORTS, type SortKey } from './list-params.js';
import { filterValue, withFilter } from './search/query-edit.js';

/** Environment, release, time range and sort. Release is a `release:` term in the query, as in Sentry. */
export function IssueFilters({
  params,
  update,
  environments,
  releases,
}: {
  params: ListParams;
  update: (patch: Partial<ListParams>) => void;
  environments: readonly string[];
  releases: readonly string[];
}) {
  const id = useId();
  const release = filterValue(params.query, 'release') ?? '';
  const envOptions = [...new Set([...environments, ...(params.environment ? [params.environment] : [])])];
  const releaseOptions = [...new Set(['latest', ...releases, ...(release ? [release] : [])])];
  return (
    <div className="issue-filters">
      <label className="filter">
        <span className="filter-label">Environment</span>
        <select value={params.environment} onChange={(e) => update({ environment: e.target.value })}>
          <option value="">All environments</option>
          {envOptions.map((env) => (
            <option key={env} value={env}>
              {env}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Release</span>
        <select value={release} onChange={(e) => update({ query: withFilter(params.query, 'release', e.target.value || null) })}>
          <option value="">All releases</option>
          {releaseOptions.map((r) => (
            <option key={r} value={r}>
              {r === 'latest' ? 'Latest release' : r}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Time range</span>
        <select id={`${id}-period`} value={params.statsPeriod} onChange={(e) => update({ statsPeriod: e.target.value })}>
          {PERIODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Sort by</span>
        <select value={params.sort} onChange={(e) => update({ sort: e.target.value as SortKey })}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
