import { formatExact } from './relative-time.js';

/** One stacked series: a value per bucket, drawn with `className` (its colour). */
export interface StackSeries {
  readonly key: string;
  readonly label: string;
  readonly className: string;
  readonly values: readonly number[];
}

/** A moment marked across the chart (a deploy), with what happened on hover. */
export interface ChartMarker {
  readonly at: number;
  readonly label: string;
}

function tickLabel(ts: number, hourly: boolean): string {
  const d = new Date(ts * 1000);
  return hourly ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/**
 * Counts over time as stacked bars (first series at the bottom) in an inline SVG of fixed height,
 * like EventBars, with vertical markers at given moments. `buckets` are the bucket starts (unix
 * seconds) and `bucketSeconds` their length, so a marker falls inside the bucket it belongs to.
 */
export function StackedBars({
  buckets,
  bucketSeconds,
  series,
  markers = [],
  hourly,
  label,
}: {
  buckets: readonly number[];
  bucketSeconds: number;
  series: readonly StackSeries[];
  markers?: readonly ChartMarker[];
  hourly: boolean;
  label: string;
}) {
  const totals = buckets.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const w = 600;
  const h = 84;
  const bw = w / Math.max(1, buckets.length);
  const start = buckets[0] ?? 0;
  const span = Math.max(1, buckets.length * bucketSeconds);
  const xOf = (at: number) => ((at - start) / span) * w;
  return (
    <svg viewBox={`0 0 ${w} ${h + 16}`} width="100%" height={h + 16} preserveAspectRatio="none" role="img" aria-label={label}>
      <line x1="0" x2={w} y1={h + 0.5} y2={h + 0.5} className="chart-axis" />
      {buckets.map((ts, i) => {
        let y = h;
        const parts = series.map((s) => `${s.values[i] ?? 0} ${s.label}`).join(', ');
        return (
          <g key={ts} data-bucket={ts}>
            <rect className="chart-hit" x={i * bw} y={0} width={bw} height={h}>
              <title>{`${parts} · ${formatExact(new Date(ts * 1000))}`}</title>
            </rect>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              if (v <= 0) return null;
              const bh = Math.max(2, (v / max) * (h - 4));
              y -= bh;
              return (
                <rect key={s.key} className={`chart-stack ${s.className}`} data-series={s.key} x={i * bw + 1} y={y} width={Math.max(1, bw - 2)} height={bh} />
              );
            })}
          </g>
        );
      })}
      {markers
        .filter((m) => m.at >= start && m.at < start + span)
        .map((m) => (
          <g key={`${m.at}-${m.label}`} className="chart-marker">
            <line x1={xOf(m.at)} x2={xOf(m.at)} y1={0} y2={h} />
            <rect x={xOf(m.at) - 4} y={0} width={8} height={h} className="chart-marker-hit">
              <title>{`${m.label} · ${formatExact(new Date(m.at * 1000))}`}</title>
            </rect>
          </g>
        ))}
      {buckets[0] !== undefined && (
        <text x="0" y={h + 13} className="chart-tick">
          {tickLabel(buckets[0], hourly)}
        </text>
      )}
      <text x={w} y={h + 13} className="chart-tick" textAnchor="end">
        now
      </text>
    </svg>
  );
}
