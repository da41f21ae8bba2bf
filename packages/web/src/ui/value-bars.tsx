import { formatExact } from './relative-time.js';

/** `[unix seconds, value]`; null for a bucket without a value (drawn as a gap, not as zero). */
export type ValuePoint = readonly [number, number | null];

/**
 * A measured value over time (a latency, a rate) as bars in an inline SVG of fixed height, each
 * with its time and formatted value on hover, and the largest value on the axis.
 */
export function ValueBars({ points, format, label }: { points: readonly ValuePoint[]; format: (v: number) => string; label: string }) {
  const values = points.map((p) => p[1]).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const w = 600;
  const h = 84;
  const bw = w / Math.max(1, points.length);
  return (
    <svg viewBox={`0 0 ${w} ${h + 16}`} width="100%" height={h + 16} preserveAspectRatio="none" role="img" aria-label={label}>
      <line x1="0" x2={w} y1={h + 0.5} y2={h + 0.5} className="chart-axis" />
      {points.map(([ts, value], i) => {
        const bh = value === null || max === 0 ? 0 : Math.max(2, (value / max) * (h - 4));
        return (
          <g key={ts}>
            <rect className="chart-hit" x={i * bw} y={0} width={bw} height={h}>
              <title>{`${value === null ? 'no data' : format(value)} · ${formatExact(new Date(ts * 1000))}`}</title>
            </rect>
            {bh > 0 && <rect className="chart-bar" x={i * bw + 1} y={h - bh} width={Math.max(1, bw - 2)} height={bh} />}
          </g>
        );
      })}
      <text x="0" y={h + 13} className="chart-tick">
        {points[0] ? new Date(points[0][0] * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric', hour: '2-digit' }) : ''}
      </text>
      <text x={w} y={h + 13} className="chart-tick" textAnchor="end">
        now · max {format(max)}
      </text>
    </svg>
  );
}
