import { RelativeTime } from '../../ui/relative-time.js';
import type { MetricPreviewJson } from './alert-types.js';
import { PreviewFrame } from './preview-frame.js';
import type { MetricRulePreview } from './use-rule-preview.js';

const W = 600;
const H = 140;

type Thresholds = { critical: number | null; warning: number | null; resolve: number | null };

function Chart({ data, thresholds }: { data: MetricPreviewJson; thresholds: Thresholds }) {
  const values = data.points.map((p) => p.value ?? 0);
  const lines = [thresholds.critical, thresholds.warning, thresholds.resolve].filter((v): v is number => v !== null && Number.isFinite(v));
  const top = Math.max(1, ...values, ...lines) * 1.1;
  const bottom = Math.min(0, ...values, ...lines);
  const x = (i: number) => (data.points.length <= 1 ? 0 : (i / (data.points.length - 1)) * W);
  const y = (v: number) => H - ((v - bottom) / (top - bottom)) * H;
  const path = data.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value ?? 0).toFixed(1)}`).join(' ');
  const line = (v: number | null, cls: string) => (v === null || !Number.isFinite(v) ? null : <line className={cls} x1={0} x2={W} y1={y(v)} y2={y(v)} />);
  const label = `${data.metric.label} over the last ${data.window.hours} hours: highest ${Math.max(0, ...values)}; the rule would have triggered ${data.firings} ${data.firings === 1 ? 'time' : 'times'}.`;
  return (
    <svg className="metric-chart" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
      {data.points.map((p, i) =>
        p.state === 'ok' ? null : (
          <rect
            key={p.at}
            className={`metric-band metric-band-${p.state}`}
            x={x(i) - W / data.points.length / 2}
            y={0}
            width={W / data.points.length}
            height={H}
          />
        ),
      )}
      {line(thresholds.critical, 'metric-line-critical')}
      {line(thresholds.warning, 'metric-line-warning')}
      {line(thresholds.resolve, 'metric-line-resolve')}
      <polyline className="metric-series" points={path} />
    </svg>
  );
}

const DESCRIBE: Record<string, string> = { opened: 'Triggered', severity_changed: 'Severity changed', resolved: 'Resolved' };

/** The metric rule being edited, replayed over the last day: the series, its thresholds and the would-be notifications. */
export function MetricPreviewPanel({ preview, thresholds }: { preview: MetricRulePreview; thresholds: Thresholds }) {
  return (
    <PreviewFrame titleId="metric-preview-title" preview={preview} loadingLabel="Measuring the last day…">
      {(data) => (
        <>
          <p className="rule-preview-summary" aria-live="polite">
            Over the last {data.window.hours} hours this rule would have triggered{' '}
            <strong>
              {data.firings} {data.firings === 1 ? 'time' : 'times'}
            </strong>
            .
          </p>
          <Chart data={data} thresholds={thresholds} />
          <p className="field-hint">
            {data.metric.label}, measured every {data.stepMinutes} min. Dashed: critical, warning and resolve thresholds.
          </p>
          {data.transitions.length > 0 && (
            <ul className="rule-preview-list">
              {data.transitions.slice(-10).map((t) => (
                <li key={`${t.at}${t.type}`}>
                  {DESCRIBE[t.type] ?? t.type}
                  {t.severity || t.to ? ` (${t.severity ?? t.to})` : ''} at value {t.value ?? '—'}, <RelativeTime value={t.at} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </PreviewFrame>
  );
}
