import { type EventsTable, useResource } from '../../../api/index.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import { formatDuration, formatPercent, numberOf } from '../format.js';
import { type PerformanceFilters, quoteValue, scopeOf, searchOf } from '../performance-query.js';

export const SPAN_FIELDS = {
  op: 'span.op',
  description: 'sentry.normalized_description',
  count: 'count()',
  total: 'sum(span.self_time)',
  average: 'avg(span.self_time)',
  share: 'time_spent_percentage()',
} as const;

/**
 * Where the route's time goes: its spans grouped by operation and parameterised description
 * (`SELECT … WHERE id = %s`), by total self time, each with its share of all self time.
 */
export function DominantSpans({ org, filters, transaction }: { org: string; filters: PerformanceFilters; transaction: string }) {
  const spans = useResource<EventsTable>(`organizations/${org}/events/`, {
    dataset: 'spans',
    field: Object.values(SPAN_FIELDS),
    query: searchOf(filters, `transaction:${quoteValue(transaction)}`),
    sort: `-${SPAN_FIELDS.total}`,
    per_page: 10,
    ...scopeOf(filters),
  });
  const rows = spans.data?.data ?? [];
  return (
    <section className="card perf-section" aria-labelledby="spans-title">
      <h2 id="spans-title">Spans that dominate</h2>
      {spans.error && <ErrorState error={spans.error} onRetry={spans.reload} title="Could not load the spans" />}
      {!spans.data && !spans.error && <Skeleton height={120} />}
      {spans.data && rows.length === 0 && <p className="muted">No spans of this route in the window.</p>}
      {rows.length > 0 && (
        <table className="table perf-table spans-table">
          <thead>
            <tr>
              <th scope="col">Operation</th>
              <th scope="col">Description</th>
              <th scope="col" className="num-col">
                Count
              </th>
              <th scope="col" className="num-col">
                Avg self time
              </th>
              <th scope="col" className="num-col">
                Total self time
              </th>
              <th scope="col" className="num-col">
                Time spent
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const op = String(r[SPAN_FIELDS.op] ?? '');
              const description = String(r[SPAN_FIELDS.description] ?? '');
              const share = numberOf(r[SPAN_FIELDS.share]);
              return (
                <tr key={`${op}\n${description}`} data-span-op={op}>
                  <th scope="row">
                    <code>{op || 'default'}</code>
                  </th>
                  <td className="span-description" title={description}>
                    {description || <span className="faint">(no description)</span>}
                  </td>
                  <td className="num-col">{numberOf(r[SPAN_FIELDS.count]) ?? '—'}</td>
                  <td className="num-col">{formatDuration(numberOf(r[SPAN_FIELDS.average]))}</td>
                  <td className="num-col">{formatDuration(numberOf(r[SPAN_FIELDS.total]))}</td>
                  <td className="num-col share-cell">
                    <span>
                      <span className="share-track" aria-hidden="true">
                        <span className="share-bar" style={{ width: `${Math.min(100, (share ?? 0) * 100)}%` }} />
                      </span>
                      {formatPercent(share)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
