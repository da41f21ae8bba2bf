import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type TraceNode, useResource } from '../../../api/index.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import { formatDuration } from '../format.js';
import { SpanDetails, TraceErrorItem } from './span-details.js';
import { findSpan, traceOf } from './trace-model.js';
import { TraceWaterfall } from './trace-waterfall.js';

/** One trace: every span of every service on one timeline, its errors on the spans they happened in. */
export function TraceView({ org, traceId }: { org: string; traceId: string }) {
  const answer = useResource<TraceNode[]>(`organizations/${org}/trace/${traceId}/`);
  const trace = useMemo(() => traceOf(Array.isArray(answer.data) ? answer.data : []), [answer.data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const node = selected === null ? undefined : findSpan(trace.roots, selected);

  function toggle(spanId: string) {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });
  }

  return (
    <div className="trace-view">
      <div className="page-header">
        <h1>
          Trace <code title={traceId}>{traceId.slice(0, 8)}</code>
        </h1>
        <span className="spacer" />
        {answer.data && (
          <p className="trace-facts muted">
            <span>
              <strong>{trace.spanCount}</strong> {trace.spanCount === 1 ? 'span' : 'spans'}
            </span>{' '}
            ·{' '}
            <span>
              <strong>{trace.errorCount}</strong> {trace.errorCount === 1 ? 'error' : 'errors'}
            </span>{' '}
            · <span>{formatDuration((trace.end - trace.start) * 1000)}</span>
            {' · '}
            <Link to={`/organizations/${org}/logs/?trace=${traceId}`}>Logs of this trace</Link>
          </p>
        )}
      </div>
      {answer.error && (
        <ErrorState
          error={answer.error}
          onRetry={answer.reload}
          title={answer.error.status === 404 ? 'Trace not found (or this server does not offer traces yet)' : 'Could not load the trace'}
        />
      )}
      {!answer.data && !answer.error && (
        <section className="card card-body" aria-busy="true" aria-label="Loading the trace">
          <Skeleton height={240} />
        </section>
      )}
      {answer.data && trace.spanCount === 0 && trace.orphanErrors.length === 0 && (
        <div className="card card-body">
          <p className="muted">Nothing stored for this trace in the last 90 days.</p>
        </div>
      )}
      {trace.orphanErrors.length > 0 && (
        <section className="card card-body trace-orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title">Errors outside the stored spans</h2>
          <ul className="trace-errors">
            {trace.orphanErrors.map((e) => (
              <TraceErrorItem key={e.event_id} org={org} error={e} />
            ))}
          </ul>
        </section>
      )}
      {trace.spanCount > 0 && (
        <div className={`trace-layout${node ? ' with-details' : ''}`}>
          <section className="card trace-main" aria-label="Waterfall">
            <TraceWaterfall trace={trace} collapsed={collapsed} selected={selected} onToggle={toggle} onSelect={setSelected} />
          </section>
          {node && <SpanDetails key={node.event_id} org={org} node={node} onClose={() => setSelected(null)} />}
        </div>
      )}
    </div>
  );
}
