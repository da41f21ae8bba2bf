import { type EventsTable, type Project, useResource } from '../../api/index.js';
import { CursorPager } from '../../ui/cursor-pager.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { PerformanceFilterBar } from './performance-filters.js';
import { DEFAULT_SORT, periodLabel, scopeOf, searchOf, sortOf, TRANSACTION_FIELDS } from './performance-query.js';
import { type SortState, TransactionsTable } from './transactions-table.js';
import { usePerformanceFilters } from './use-performance-filters.js';
import { usePreviousP95 } from './use-previous-p95.js';

const PER_PAGE = 25;

/** A project's routes (transactions) in a window: the server sorts and pages; filters and sort live in the URL. */
export function PerformanceView({ org, project }: { org: string; project: Project }) {
  const { filters, params, update } = usePerformanceFilters(project.id);
  const sort = sortOf(params.get('sort'));
  const cursor = params.get('cursor') ?? '';
  const table = useResource<EventsTable>(`organizations/${org}/events/`, {
    dataset: 'transactions',
    field: Object.values(TRANSACTION_FIELDS),
    query: searchOf(filters),
    sort: `${sort.descending ? '-' : ''}${sort.field}`,
    per_page: PER_PAGE,
    cursor: cursor || undefined,
    ...scopeOf(filters),
  });
  const rows = table.data?.data ?? [];
  const previous = usePreviousP95(
    org,
    filters,
    rows.map((r) => String(r[TRANSACTION_FIELDS.name] ?? '')),
  );
  const onSort = (s: SortState) => {
    const text = `${s.descending ? '-' : ''}${s.field}`;
    update({ sort: text === DEFAULT_SORT ? '' : text });
  };
  const filtered = filters.environment !== '' || filters.release !== '';
  return (
    <div className="performance-view">
      <div className="page-header">
        <h1>Performance</h1>
        <span className="spacer" />
        <PerformanceFilterBar org={org} filters={filters} update={update} />
      </div>
      {table.error && <ErrorState error={table.error} onRetry={table.reload} title="Could not load the transactions" />}
      {!table.data && !table.error && (
        <section className="card card-body perf-skeleton" aria-busy="true" aria-label="Loading transactions">
          <Skeleton height={22} />
          <Skeleton height={22} />
          <Skeleton height={22} />
        </section>
      )}
      {table.data && rows.length === 0 && (
        <div className="card">
          <EmptyState
            title={filtered ? 'No transactions match these filters' : `No transactions in ${project.slug} in the last ${periodLabel(filters.period)}`}
          >
            {filtered ? (
              <span>Try another environment or release, or a longer time range.</span>
            ) : (
              <span>
                Turn on tracing in the SDK (<code>tracesSampleRate</code> in <code>Sentry.init</code>) or pick a longer time range.
              </span>
            )}
          </EmptyState>
        </div>
      )}
      {rows.length > 0 && (
        <section className="card perf-list" aria-label="Transactions">
          <TransactionsTable org={org} filters={filters} rows={rows} previous={previous} sort={sort} onSort={onSort} />
        </section>
      )}
      {table.data?.meta?.dataScanned === 'partial' && (
        <p className="muted">Only part of the window was read: the numbers cover the most recent transactions.</p>
      )}
      <CursorPager links={table.links} loading={table.loading} onCursor={(cursor) => update({ cursor: cursor })} />
    </div>
  );
}
