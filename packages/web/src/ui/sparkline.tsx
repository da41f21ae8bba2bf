import type { StatPoint } from '../api/index.js';

/**
 * Bars of occurrences over time as inline SVG. Fixed width and height so a row
 * never moves when the stats arrive.
 */
export function Sparkline({ points, width = 96, height = 24, label }: { points: readonly StatPoint[]; width?: number; height?: number; label: string }) {
  const max = Math.max(1, ...points.map((p) => p[1]));
  const n = Math.max(points.length, 1);
  const gap = n > 40 ? 0 : 1;
  const barWidth = Math.max(1, width / n - gap);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="none">
      <line x1="0" x2={width} y1={height - 0.5} y2={height - 0.5} className="sparkline-base" />
      {points.map(([ts, count], i) =>
        count > 0 ? (
          <rect
            key={ts}
            x={i * (barWidth + gap)}
            y={height - Math.max(1.5, (count / max) * height)}
            width={barWidth}
            height={Math.max(1.5, (count / max) * height)}
          />
        ) : null,
      )}
    </svg>
  );
}
