import { Link } from 'react-router';
import { type EventsTable, useResource } from '../../../api/index.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import { formatDuration, numberOf } from '../format.js';
import { TRANSACTION_FIELDS as F, type PerformanceFilters, quoteValue, scopeOf, searchOf, traceHref } from '../performance-query.js';

const FIELDS = ['id', 'trace', 'transaction.duration', 'timestamp', 'user.display', 'http.status_code', 'release'];

/** The slowest transactions of the route (raw rows by `-transaction.duration`), each opening its trace. */
export function SlowestTraces({ org, filters, transaction }: { org: string; filters: PerformanceFilters; transaction: string }) {
  const list = useResource<EventsTable>(`organizations/${org}/events/`, {
    dataset: 'transactions',
    field: FIELDS,
    query: searchOf(filters, `${F.name}:${quoteValue(transaction)}`),
    sort: '-transaction.duration',
    per_page: 10,
    ...scopeOf(filters),
  });
  const rows = list.data?.data ?? [];
  return (
    <section className="card perf-section" aria-labelledby="slowest-title">
      <h2 id="slowest-title">Slowest transactions</h2>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} title="Could not load the slowest transactions" />}
      {!list.data && !list.error && <Skeleton height={120} />}
      {list.data && rows.length === 0 && <p className="muted">None in this window.</p>}
      {rows.length > 0 && (
        <table className="table perf-table slowest-table">
          <thead>
            <tr>
              <th scope="col">Trace</th>
              <th scope="col" className="num-col">
                Duration
              </th>
              <th scope="col">When</th>
              <th scope="col">User</th>
              <th scope="col">Status</th>
              <th scope="col">Release</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const trace = typeof r.trace === 'string' ? r.trace : '';
              return (
                <tr key={String(r.id ?? i)} data-trace={trace}>
                  <th scope="row">
                    {trace ? (
                      <Link to={traceHref(org, trace)} aria-label={`Trace ${trace}`}>
                        <code>{trace.slice(0, 8)}</code>
                      </Link>
                    ) : (
                      <span className="faint">—</span>
                    )}
                  </th>
                  <td className="num-col">{formatDuration(numberOf(r['transaction.duration']))}</td>
                  <td>
                    <RelativeTime value={typeof r.timestamp === 'string' ? r.timestamp : null} label="Finished" />
                  </td>
                  <td>{typeof r['user.display'] === 'string' ? r['user.display'] : <span className="faint">—</span>}</td>
                  <td>{r['http.status_code'] ?? <span className="faint">—</span>}</td>
                  <td>{typeof r.release === 'string' ? <code>{r.release}</code> : <span className="faint">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
