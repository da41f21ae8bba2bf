import { type EventsRow, type EventsTable, useResource } from '../../api/index.js';
import { PERIODS, type PerformanceFilters } from './performance-query.js';

/** The values of one column that have transactions in the window, busiest first: the choices a filter offers. */
function useValues(org: string, filters: PerformanceFilters, column: 'environment' | 'release'): string[] {
  const values = useResource<EventsTable>(`organizations/${org}/events/`, {
    dataset: 'transactions',
    field: [column, 'count()'],
    sort: '-count()',
    per_page: 50,
    project: filters.projectId,
    statsPeriod: filters.period,
    // Releases seen in the chosen environment; environments across every release.
    environment: column === 'release' && filters.environment ? filters.environment : undefined,
  });
  return (values.data?.data ?? []).map((r: EventsRow) => r[column]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Time range, environment and release of the performance pages. */
export function PerformanceFilterBar({ org, filters, update }: { org: string; filters: PerformanceFilters; update: (patch: Record<string, string>) => void }) {
  const environments = useValues(org, filters, 'environment');
  const releases = useValues(org, filters, 'release');
  const envOptions = [...new Set([...environments, ...(filters.environment ? [filters.environment] : [])])];
  const releaseOptions = [...new Set([...releases, ...(filters.release ? [filters.release] : [])])];
  return (
    <div className="issue-filters perf-filters">
      <fieldset className="btn-group fieldset-plain" aria-label="Time range">
        {PERIODS.map(([p, label]) => (
          <button
            key={p}
            type="button"
            className="btn btn-small"
            aria-pressed={p === filters.period}
            title={`Last ${label}`}
            onClick={() => update({ statsPeriod: p })}
          >
            {p}
          </button>
        ))}
      </fieldset>
      <label className="filter">
        <span className="filter-label">Environment</span>
        <select value={filters.environment} onChange={(e) => update({ environment: e.target.value })}>
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
        <select value={filters.release} onChange={(e) => update({ release: e.target.value })}>
          <option value="">All releases</option>
          {releaseOptions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
