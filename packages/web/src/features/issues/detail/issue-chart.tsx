import { useState } from 'react';
import type { StatPoint } from '../../../api/index.js';
import { EventBars } from '../../../ui/event-bars.js';

const PERIODS: [string, string][] = [
  ['24h', '24 hours'],
  ['30d', '30 days'],
];

/** Events over time as bars (inline SVG, fixed height), 24 hours or 30 days. */
export function IssueChart({ stats }: { stats: Record<string, StatPoint[]> | undefined }) {
  const [period, setPeriod] = useState('24h');
  const points = stats?.[period] ?? [];
  const total = points.reduce((n, p) => n + p[1], 0);
  return (
    <figure className="issue-chart">
      <figcaption>
        <span>
          <strong>{total}</strong>{' '}
          <span className="muted">
            {total === 1 ? 'event' : 'events'} in the last {PERIODS.find(([p]) => p === period)?.[1]}
          </span>
        </span>
        <fieldset className="btn-group fieldset-plain" aria-label="Chart period">
          {PERIODS.map(([p, label]) => (
            <button key={p} type="button" className="btn btn-small" aria-pressed={p === period} onClick={() => setPeriod(p)}>
              {label}
            </button>
          ))}
        </fieldset>
      </figcaption>
      <EventBars points={points} hourly={period === '24h'} midTick label={`${total} ${total === 1 ? 'event' : 'events'} in the last ${period}`} />
    </figure>
  );
}
