import { useState } from 'react';
import { useResource } from '../../api/index.js';
import { formatExact } from '../../ui/relative-time.js';
import { ErrorState, Skeleton } from '../../ui/states.js';
import type { ReleaseEventStats } from './release-types.js';

const PERIODS = [
  ['24h', '24 hours'],
  ['14d', '14 days'],
] as const;
type Period = (typeof PERIODS)[number][0];

function tickLabel(ts: number, period: Period): string {
  const d = new Date(ts * 1000);
  return period === '24h'
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** Events of the release over time (hourly counters on the server), as bars. */
export function ReleaseChart({ path }: { path: string }) {
  const [period, setPeriod] = useState<Period>('14d');
  const stats = useResource<ReleaseEventStats>(`${path}stats/`, { statsPeriod: period });
  const points = stats.data?.statsPeriod === period ? stats.data.events : [];
  const total = points.reduce((n, p) => n + p[1], 0);
  const max = Math.max(1, ...points.map((p) => p[1]));
  const w = 600;
  const h = 84;
  const bw = w / Math.max(1, points.length);
  const periodLabel = PERIODS.find(([p]) => p === period)?.[1] ?? period;
  const first = points[0];
  return (
    <section className="card release-section" aria-labelledby="release-events-title">
      <figure className="issue-chart">
        <figcaption>
          <span>
            <h2 id="release-events-title" className="inline-heading">
              Events
            </h2>{' '}
            <strong>{total}</strong> <span className="muted">in the last {periodLabel}</span>
          </span>
          <fieldset className="btn-group fieldset-plain" aria-label="Chart period">
            {PERIODS.map(([p, label]) => (
              <button key={p} type="button" className="btn btn-small" aria-pressed={p === period} onClick={() => setPeriod(p)}>
                {label}
              </button>
            ))}
          </fieldset>
        </figcaption>
        {stats.error && <ErrorState error={stats.error} onRetry={stats.reload} title="Could not load the events chart" />}
        {!stats.error && points.length === 0 && <Skeleton height={h + 16} />}
        {points.length > 0 && (
          <svg
            viewBox={`0 0 ${w} ${h + 16}`}
            width="100%"
            height={h + 16}
            preserveAspectRatio="none"
            role="img"
            aria-label={`${total} ${total === 1 ? 'event' : 'events'} of this release in the last ${periodLabel}`}
          >
            <line x1="0" x2={w} y1={h + 0.5} y2={h + 0.5} className="chart-axis" />
            {points.map(([ts, count], i) => {
              const bh = count === 0 ? 0 : Math.max(2, (count / max) * (h - 4));
              return (
                <g key={ts}>
                  <rect className="chart-hit" x={i * bw} y={0} width={bw} height={h}>
                    <title>{`${count} events · ${formatExact(new Date(ts * 1000))}`}</title>
                  </rect>
                  {bh > 0 && <rect className="chart-bar" x={i * bw + 1} y={h - bh} width={Math.max(1, bw - 2)} height={bh} />}
                </g>
              );
            })}
            {first && (
              <text x="0" y={h + 13} className="chart-tick">
                {tickLabel(first[0], period)}
              </text>
            )}
            <text x={w} y={h + 13} className="chart-tick" textAnchor="end">
              now
            </text>
          </svg>
        )}
      </figure>
    </section>
  );
}
