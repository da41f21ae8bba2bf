import { useState } from 'react';
import type { StatPoint } from '../../../api/index.js';
import { formatExact } from '../../../ui/relative-time.js';

const PERIODS: [string, string][] = [
  ['24h', '24 hours'],
  ['30d', '30 days'],
];

function tickLabel(ts: number, period: string): string {
  const d = new Date(ts * 1000);
  return period === '24h'
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** Events over time as bars (inline SVG, fixed height), 24 hours or 30 days. */
export function IssueChart({ stats }: { stats: Record<string, StatPoint[]> | undefined }) {
  const [period, setPeriod] = useState('24h');
  const points = stats?.[period] ?? [];
  const max = Math.max(1, ...points.map((p) => p[1]));
  const total = points.reduce((n, p) => n + p[1], 0);
  const w = 600;
  const h = 84;
  const n = Math.max(1, points.length);
  const bw = w / n;
  const first = points[0];
  const mid = points[Math.floor(points.length / 2)];
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
      <svg
        viewBox={`0 0 ${w} ${h + 16}`}
        width="100%"
        height={h + 16}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${total} ${total === 1 ? 'event' : 'events'} in the last ${period}`}
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
        {mid && (
          <text x={w / 2} y={h + 13} className="chart-tick" textAnchor="middle">
            {tickLabel(mid[0], period)}
          </text>
        )}
        <text x={w} y={h + 13} className="chart-tick" textAnchor="end">
          now
        </text>
      </svg>
    </figure>
  );
}
