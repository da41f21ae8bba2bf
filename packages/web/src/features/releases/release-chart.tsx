import { useState } from 'react';
import { useResource } from '../../api/index.js';
import { EVENT_BARS_HEIGHT, EventBars } from '../../ui/event-bars.js';
import { ErrorState, Skeleton } from '../../ui/states.js';
import type { ReleaseEventStats } from './release-types.js';

const PERIODS = [
  ['24h', '24 hours'],
  ['14d', '14 days'],
] as const;
type Period = (typeof PERIODS)[number][0];

/** Events of the release over time (hourly counters on the server), as bars. */
export function ReleaseChart({ path }: { path: string }) {
  const [period, setPeriod] = useState<Period>('14d');
  const stats = useResource<ReleaseEventStats>(`${path}stats/`, { statsPeriod: period });
  const points = stats.data?.statsPeriod === period ? stats.data.events : [];
  const total = points.reduce((n, p) => n + p[1], 0);
  const periodLabel = PERIODS.find(([p]) => p === period)?.[1] ?? period;
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
        {!stats.error && points.length === 0 && <Skeleton height={EVENT_BARS_HEIGHT} />}
        {points.length > 0 && (
          <EventBars
            points={points}
            hourly={period === '24h'}
            label={`${total} ${total === 1 ? 'event' : 'events'} of this release in the last ${periodLabel}`}
          />
        )}
      </figure>
    </section>
  );
}
