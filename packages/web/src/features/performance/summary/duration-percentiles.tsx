import { type EventsRow, type EventsTable, useResource } from '../../../api/index.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import { formatDuration, formatPercent, formatRate, numberOf } from '../format.js';
import { TRANSACTION_FIELDS as F, type PerformanceFilters, quoteValue, scopeOf, searchOf } from '../performance-query.js';

/** The distribution the API gives per route: percentiles from its sketches, plus the extremes. */
export const PERCENTILE_FIELDS = [
  ['min', 'min(transaction.duration)'],
  ['p50', 'p50(transaction.duration)'],
  ['p75', 'p75(transaction.duration)'],
  ['p90', 'p90(transaction.duration)'],
  ['p95', 'p95(transaction.duration)'],
  ['p99', 'p99(transaction.duration)'],
  ['max', 'max(transaction.duration)'],
] as const;

// `transaction` is selected although the query names one route: grouped by it, `count_unique(user)`
// is answered from the per-route user rollup (without any group column this server answers 500).
const FIELDS = [F.name, F.count, F.tpm, F.tpmEstimated, F.failureRate, F.users, 'avg(transaction.duration)', ...PERCENTILE_FIELDS.map(([, f]) => f)];

/** Percentiles as horizontal bars against the slowest transaction, so the tail is visible at a glance. */
export function PercentileBars({ row }: { row: EventsRow }) {
  const max = numberOf(row['max(transaction.duration)']) ?? Math.max(0, ...PERCENTILE_FIELDS.map(([, f]) => numberOf(row[f]) ?? 0));
  return (
    <dl className="percentile-bars">
      {PERCENTILE_FIELDS.map(([label, field]) => {
        const value = numberOf(row[field]);
        const width = value === null || max <= 0 ? 0 : Math.max(0.5, (value / max) * 100);
        return (
          <div key={label} className="percentile-row" data-percentile={label}>
            <dt>{label}</dt>
            <dd>
              <span className="percentile-track">
                <span className="percentile-bar" style={{ width: `${width}%` }} />
              </span>
              <span className="percentile-value">{formatDuration(value)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Facts({ row }: { row: EventsRow }) {
  const facts: [string, string][] = [
    ['Transactions', String(numberOf(row[F.count]) ?? '—')],
    ['Throughput (received)', formatRate(numberOf(row[F.tpm]))],
    ...(numberOf(row[F.tpmEstimated]) === null ? [] : ([['Before sampling (estimated)', formatRate(numberOf(row[F.tpmEstimated]))]] as [string, string][])),
    ['Failure rate', formatPercent(numberOf(row[F.failureRate]))],
    ['Users', String(numberOf(row[F.users]) ?? '—')],
    ['Average', formatDuration(numberOf(row['avg(transaction.duration)']))],
  ];
  return (
    <dl className="perf-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The route's duration distribution and its headline numbers in the window. */
export function DurationPercentiles({ org, filters, transaction }: { org: string; filters: PerformanceFilters; transaction: string }) {
  const summary = useResource<EventsTable>(`organizations/${org}/events/`, {
    dataset: 'transactions',
    field: FIELDS,
    query: searchOf(filters, `${F.name}:${quoteValue(transaction)}`),
    per_page: 1,
    ...scopeOf(filters),
  });
  const row = summary.data?.data[0];
  return (
    <section className="card perf-section" aria-labelledby="duration-title">
      <h2 id="duration-title">Duration</h2>
      {summary.error && <ErrorState error={summary.error} onRetry={summary.reload} title="Could not load the durations" />}
      {!summary.data && !summary.error && <Skeleton height={160} />}
      {summary.data && !row && <p className="muted">No transactions of this route in the window.</p>}
      {row && (
        <div className="perf-duration">
          <Facts row={row} />
          <PercentileBars row={row} />
        </div>
      )}
    </section>
  );
}
