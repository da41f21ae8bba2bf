import { useState } from 'react';
import { type MonitorStatsPoint, useResource } from '../../api/index.js';
import { EVENT_BARS_HEIGHT } from '../../ui/event-bars.js';
import { StackedBars, type StackSeries } from '../../ui/stacked-bars.js';
import { ErrorState, Skeleton } from '../../ui/states.js';
import { ValueBars } from '../../ui/value-bars.js';
import { formatDuration } from '../performance/format.js';

export const MONITOR_PERIODS = [
  ['24h', '24 hours', 86_400, 3600],
  ['7d', '7 days', 7 * 86_400, 6 * 3600],
  ['30d', '30 days', 30 * 86_400, 86_400],
] as const;
export type MonitorPeriod = (typeof MONITOR_PERIODS)[number][0];

const STATUSES = [
  ['ok', 'ok'],
  ['error', 'error'],
  ['missed', 'missed'],
  ['timeout', 'timed out'],
] as const;

/** The stats buckets as stacked status series (ok at the bottom) and the mean duration per bucket. */
export function statsSeries(points: readonly MonitorStatsPoint[]): { series: StackSeries[]; durations: [number, number | null][] } {
  const series = STATUSES.map(([key, label]) => ({ key, label, className: `status-${key}`, values: points.map((p) => p[key] ?? 0) }));
  // A bucket without finished runs has no duration: a gap, not a zero.
  const durations = points.map((p): [number, number | null] => [p.ts, p.ok + p.error > 0 && p.duration > 0 ? p.duration : null]);
  return { series, durations };
}

/**
 * Check-ins by status and how long runs took, over a window, from `…/monitors/{slug}/stats/`
 * (Sentry API: counts per status and the mean duration in ms per bucket).
 */
export function MonitorCharts({ org, slug, period, environment }: { org: string; slug: string; period: MonitorPeriod; environment: string }) {
  const [, label, seconds, resolution] = MONITOR_PERIODS.find(([p]) => p === period) ?? MONITOR_PERIODS[0];
  // Fixed when the page opens, so a re-render does not ask for a new URL every second.
  const [until] = useState(() => Math.floor(Date.now() / 60_000) * 60);
  const stats = useResource<MonitorStatsPoint[]>(`organizations/${org}/monitors/${encodeURIComponent(slug)}/stats/`, {
    since: until - seconds,
    until,
    resolution: `${resolution}s`,
    environment: environment || undefined,
  });
  if (stats.error) return <ErrorState error={stats.error} onRetry={stats.reload} title="Could not load the monitor's history" />;
  if (!stats.data) return <Skeleton height={EVENT_BARS_HEIGHT} />;
  const { series, durations } = statsSeries(stats.data);
  const total = series.reduce((n, s) => n + s.values.reduce((a, v) => a + v, 0), 0);
  return (
    <div className="cron-charts">
      <h3>Check-ins</h3>
      <StackedBars
        buckets={stats.data.map((p) => p.ts)}
        bucketSeconds={resolution}
        series={series}
        hourly={period === '24h'}
        label={`${total} ${total === 1 ? 'check-in' : 'check-ins'} by status in the last ${label}`}
      />
      <ul className="chart-legend" aria-label="Legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`chart-legend-swatch ${s.className}`} aria-hidden="true" />
            {s.label} {s.values.reduce((n, v) => n + v, 0)}
          </li>
        ))}
      </ul>
      <h3>Duration</h3>
      <ValueBars points={durations} format={formatDuration} label={`Mean duration of runs in the last ${label}`} />
    </div>
  );
}
