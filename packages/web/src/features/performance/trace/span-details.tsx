import { Link } from 'react-router';
import { type IssueEvent, type TraceError, type TraceSpanNode, useResource } from '../../../api/index.js';
import { KeyValues } from '../../events/key-values.js';
import { formatDuration } from '../format.js';

/** What the transaction's event JSON says of a span (`entries[type=spans]`, or `contexts.trace` for the root). */
interface StoredSpan {
  status?: string;
  exclusive_time?: number;
  data?: Record<string, unknown>;
}

/**
 * The span's own record in its transaction's event, for what the trace answer leaves out
 * (status, data, self time). Optional: a span that came as a streamed item has no such event, and
 * then only the trace's fields are shown.
 */
function useStoredSpan(org: string, node: TraceSpanNode): StoredSpan | undefined {
  const complete = node.status !== undefined && node.data !== undefined && node.exclusive_time !== undefined;
  const path = !complete && node.project_slug && node.transaction_id ? `projects/${org}/${node.project_slug}/events/${node.transaction_id}/` : null;
  const event = useResource<IssueEvent>(path);
  if (!event.data) return undefined;
  if (node.is_transaction) {
    const trace = event.data.contexts?.trace;
    if (trace && trace.span_id === node.event_id) return trace as StoredSpan;
  }
  const spans = event.data.entries.find((e) => e.type === 'spans')?.data;
  if (!Array.isArray(spans)) return undefined;
  return (spans as (StoredSpan & { span_id?: string })[]).find((s) => s.span_id === node.event_id);
}

export function issueEventHref(org: string, error: TraceError): string | null {
  if (error.issue_id === null || error.issue_id === undefined || error.issue_id === '') return null;
  return `/organizations/${org}/issues/${error.issue_id}/events/${error.event_id}/`;
}

/** An error of the trace with the way to its issue. */
export function TraceErrorItem({ org, error }: { org: string; error: TraceError }) {
  const href = issueEventHref(org, error);
  return (
    <li className="trace-error">
      <span className={`level level-${error.level}`}>{error.level}</span> {error.short_id && <code>{error.short_id}</code>}{' '}
      {href ? <Link to={href}>{error.description || error.event_id}</Link> : <span>{error.description || error.event_id}</span>}
    </li>
  );
}

/** The selected span: what it did, how long it took, its status and data, and its errors. */
export function SpanDetails({ org, node, onClose }: { org: string; node: TraceSpanNode; onClose: () => void }) {
  const stored = useStoredSpan(org, node);
  const status = node.status ?? stored?.status;
  const self = node.exclusive_time ?? stored?.exclusive_time;
  const data = { ...(stored?.data ?? {}), ...(node.additional_attributes ?? {}), ...(node.data ?? {}) };
  const pairs: [string, unknown][] = [
    ['Operation', node.op || 'default'],
    ['Description', node.description || node.name || '—'],
    ['Duration', formatDuration(node.duration)],
    ...(self !== undefined ? ([['Self time', formatDuration(self)]] as [string, unknown][]) : []),
    ['Status', status ?? '—'],
    ['Span ID', node.event_id],
    ...(node.transaction ? ([['Transaction', node.transaction]] as [string, unknown][]) : []),
    ['Started', new Date(node.start_timestamp * 1000).toISOString()],
  ];
  return (
    <aside className="card span-details" aria-label="Span details">
      <div className="span-details-head">
        <h2>Span</h2>
        <span className="spacer" />
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose} aria-label="Close span details">
          ×
        </button>
      </div>
      <KeyValues pairs={pairs} />
      {(node.errors?.length ?? 0) > 0 && (
        <>
          <h3>Errors in this span</h3>
          <ul className="trace-errors">
            {node.errors?.map((e) => (
              <TraceErrorItem key={e.event_id} org={org} error={e} />
            ))}
          </ul>
        </>
      )}
      {(node.occurrences?.length ?? 0) > 0 && (
        <>
          <h3>Performance issues on this span</h3>
          <ul className="trace-errors">
            {node.occurrences?.map((o) => (
              <li key={o.event_id} className="trace-error">
                {o.short_id && <code>{o.short_id}</code>}{' '}
                {o.issue_id !== null && o.issue_id !== '' ? (
                  <Link to={`/organizations/${org}/issues/${o.issue_id}/`}>{o.description}</Link>
                ) : (
                  <span>{o.description}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {Object.keys(data).length > 0 && (
        <>
          <h3>Data</h3>
          <KeyValues pairs={Object.entries(data)} />
        </>
      )}
    </aside>
  );
}
