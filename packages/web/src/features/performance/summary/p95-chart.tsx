import { type EventsStats, useResource } from '../../../api/index.js';
import { EVENT_BARS_HEIGHT } from '../../../ui/event-bars.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import { ValueBars } from '../../../ui/value-bars.js';
import { formatDuration } from '../format.js';
import { TRANSACTION_FIELDS as F, type PerformanceFilters, periodLabel, quoteValue, scopeOf, searchOf } from '../performance-query.js';
import { INTERVALS, seriesOf } from './stats-series.js';

/**
 * The route's p95 per bucket from `events-stats/`. A server without that endpoint (404) gets a
 * note instead of a chart; the rest of the summary does not depend on it.
 */
export function P95Chart({ org, filters, transaction }: { org: string; filters: PerformanceFilters; transaction: string }) {
  const stats = useResource<EventsStats>(`organizations/${org}/events-stats/`, {
    dataset: 'transactions',
    yAxis: F.p95,
    query: searchOf(filters, `${F.name}:${quoteValue(transaction)}`),
    interval: INTERVALS[filters.period],
    // Keep the bucket that is still filling: the last hour is what someone looking at a slowdown wants.
    partial: '1',
    ...scopeOf(filters),
  });
  const points = seriesOf(stats.data, F.p95);
  const unavailable = stats.error?.status === 404;
  return (
    <section className="card perf-section" aria-labelledby="p95-chart-title">
      <figure className="issue-chart">
        <figcaption>
          <h2 id="p95-chart-title" className="inline-heading">
            p95 over time
          </h2>
          <span className="muted">last {periodLabel(filters.period)}</span>
        </figcaption>
        {unavailable && <p className="muted perf-note">No p95 chart: this server does not offer event time series yet.</p>}
        {stats.error && !unavailable && <ErrorState error={stats.error} onRetry={stats.reload} title="Could not load the p95 chart" />}
        {!stats.data && !stats.error && <Skeleton height={EVENT_BARS_HEIGHT} />}
        {stats.data && points.every((p) => p[1] === null) && <p className="muted perf-note">No data in this window.</p>}
        {stats.data && points.some((p) => p[1] !== null) && (
          <ValueBars points={points} format={formatDuration} label={`p95 duration of ${transaction} in the last ${periodLabel(filters.period)}`} />
        )}
      </figure>
    </section>
  );
}
