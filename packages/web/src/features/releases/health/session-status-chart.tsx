import { type SessionsResponse, useResource } from '../../../api/index.js';
import { EVENT_BARS_HEIGHT } from '../../../ui/event-bars.js';
import { StackedBars } from '../../../ui/stacked-bars.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import type { Deploy } from '../release-types.js';
import { searchValue } from '../version.js';
import { SESSION_FIELD, statusSeries } from './session-series.js';

export const HEALTH_PERIODS = [
  ['24h', '24 hours', '1h', 3600],
  ['14d', '14 days', '1d', 86_400],
] as const;
export type HealthPeriod = (typeof HEALTH_PERIODS)[number][0];

/**
 * The release's sessions per bucket, stacked by status, with its deploys as markers: a jump in
 * crashed or unhandled sessions right after a deploy is the picture this chart is for.
 */
export function SessionStatusChart({
  org,
  projectId,
  version,
  period,
  deploys,
}: {
  org: string;
  projectId: string;
  version: string;
  period: HealthPeriod;
  deploys: readonly Deploy[];
}) {
  const [, periodLabel, interval, bucketSeconds] = HEALTH_PERIODS.find(([p]) => p === period) ?? HEALTH_PERIODS[0];
  const sessions = useResource<SessionsResponse>(`organizations/${org}/sessions/`, {
    field: SESSION_FIELD,
    groupBy: 'session.status',
    interval,
    statsPeriod: period,
    project: projectId,
    query: `release:${searchValue(version)}`,
  });
  const { buckets, series, total } = statusSeries(sessions.data);
  const from = buckets[0] ?? 0;
  const to = from + buckets.length * bucketSeconds;
  // Only the deploys inside the window: one finished before it would sit on the chart's edge.
  const markers = deploys.flatMap((d) => {
    const at = Math.floor(Date.parse(d.dateFinished ?? d.dateStarted ?? '') / 1000);
    return Number.isFinite(at) && at >= from && at < to ? [{ at, label: `Deployed to ${d.environment}${d.name ? ` (${d.name})` : ''}` }] : [];
  });
  return (
    <div className="session-status-chart">
      {sessions.error && <ErrorState error={sessions.error} onRetry={sessions.reload} title="Could not load the sessions chart" />}
      {!sessions.data && !sessions.error && <Skeleton height={EVENT_BARS_HEIGHT} />}
      {sessions.data && (
        <>
          <StackedBars
            buckets={buckets}
            bucketSeconds={bucketSeconds}
            series={series}
            markers={markers}
            hourly={period === '24h'}
            label={`${total} ${total === 1 ? 'session' : 'sessions'} of this release by status in the last ${periodLabel}`}
          />
          <ul className="chart-legend" aria-label="Legend">
            {series.map((s) => (
              <li key={s.key}>
                <span className={`chart-legend-swatch ${s.className}`} aria-hidden="true" />
                {s.label} {s.values.reduce((n, v) => n + v, 0)}
              </li>
            ))}
            {markers.length > 0 && (
              <li>
                <span className="chart-legend-swatch deploy" aria-hidden="true" />
                {markers.length === 1 ? 'deploy' : `${markers.length} deploys`}
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
