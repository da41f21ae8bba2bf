import { formatExact } from './relative-time.js';

/** `[unix seconds, count]`, oldest first, as the stats endpoints return them. */
export type EventPoint = readonly [number, number];

function tickLabel(ts: number, hourly: boolean): string {
  const d = new Date(ts * 1000);
  return hourly ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/**
 * Events over time as bars in an inline SVG of fixed height (no layout shift), each bar
 * with its exact time on hover. `hourly` picks time-of-day ticks over date ticks.
 */
export function EventBars({ points, hourly, label, midTick = false }: { points: readonly EventPoint[]; hourly: boolean; label: string; midTick?: boolean }) {
  const max = Math.max(1, ...points.map((p) => p[1]));
  const w = 600;
  const h = 84;
  const bw = w / Math.max(1, points.length);
  const first = points[0];
  const mid = midTick ? points[Math.floor(points.length / 2)] : undefined;
  return (
    <svg viewBox={`0 0 ${w} ${h + 16}`} width="100%" height={h + 16} preserveAspectRatio="none" role="img" aria-label={label}>
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
          {tickLabel(first[0], hourly)}
        </text>
      )}
      {mid && (
        <text x={w / 2} y={h + 13} className="chart-tick" textAnchor="middle">
          {tickLabel(mid[0], hourly)}
        </text>
      )}
      <text x={w} y={h + 13} className="chart-tick" textAnchor="end">
        now
      </text>
    </svg>
  );
}

/** The height EventBars takes, for a placeholder of the same size while data loads. */
export const EVENT_BARS_HEIGHT = 100;
