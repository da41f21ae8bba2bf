import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type EventsTable, type Project, useResource } from '../../api/index.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { LOG_FIELDS, type LogFilters, logsQueryOf, logTime, SEVERITIES } from './logs-query.js';

const PER_PAGE = 100;
/** How often the stream asks for new lines while "Live" is on. */
const POLL_MS = 5_000;

/**
 * A project's log stream, newest first: a minimum severity, a search over messages and
 * attributes (Sentry's syntax), one trace's lines (`?trace=` from the trace page); "Live" polls
 * for new lines. Each line links to its trace.
 */
export function LogsView({ org, project }: { org: string; project: Project }) {
  const [params, setParams] = useSearchParams();
  const filters: LogFilters = { severity: params.get('severity') ?? '', search: params.get('query') ?? '', trace: params.get('trace') ?? '' };
  const [draft, setDraft] = useState(filters.search);
  const [live, setLive] = useState(true);
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const stream = useResource<EventsTable>(
    `organizations/${org}/events/`,
    {
      dataset: 'logs',
      field: [...LOG_FIELDS],
      query: logsQueryOf(filters) || undefined,
      sort: '-timestamp',
      per_page: PER_PAGE,
      statsPeriod: filters.trace === '' ? '24h' : '14d',
      project: project.id,
    },
    live ? { pollMs: POLL_MS } : {},
  );
  const rows = stream.data?.data ?? [];
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ query: draft });
  };
  return (
    <div className="logs-view">
      <div className="page-header">
        <h1>Logs</h1>
        <span className="spacer" />
        <form className="logs-filters" onSubmit={onSearch} aria-label="Filter logs">
          <label>
            <span className="sr-only">Minimum severity</span>
            <select value={filters.severity} onChange={(e) => update({ severity: e.target.value })} aria-label="Minimum severity">
              <option value="">All severities</option>
              {SEVERITIES.filter((s) => s !== 'trace').map((s) => (
                <option key={s} value={s}>
                  {s} and above
                </option>
              ))}
            </select>
          </label>
          <input
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="Search messages, or plan:pro tags[duration,number]:>200"
            aria-label="Search logs"
          />
          <button type="submit" className="btn">
            Search
          </button>
          <label className="logs-live">
            <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live
          </label>
        </form>
      </div>
      {filters.trace !== '' && (
        <p className="logs-trace-filter">
          Lines of trace <code>{filters.trace.slice(0, 8)}</code> · <Link to={`/organizations/${org}/traces/${filters.trace}/`}>open the trace</Link> ·{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => update({ trace: '' })}>
            show all lines
          </button>
        </p>
      )}
      {stream.error && <ErrorState error={stream.error} onRetry={stream.reload} title="Could not load the logs" />}
      {!stream.data && !stream.error && (
        <section className="card card-body" aria-busy="true" aria-label="Loading logs">
          <Skeleton height={22} />
          <Skeleton height={22} />
        </section>
      )}
      {stream.data && rows.length === 0 && (
        <div className="card">
          <EmptyState title={`No log lines in ${project.slug}${filters.trace === '' ? ' in the last 24 hours' : ' for this trace'}`}>
            <span>
              Turn on logs in the SDK (<code>enableLogs: true</code> in <code>Sentry.init</code>) and call <code>Sentry.logger.info(…)</code>.
            </span>
          </EmptyState>
        </div>
      )}
      {rows.length > 0 && (
        <section className="card" aria-label="Log lines">
          <table className="logs-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Severity</th>
                <th scope="col">Message</th>
                <th scope="col">Trace</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const severity = String(r.severity ?? '');
                const trace = typeof r.trace === 'string' ? r.trace : '';
                return (
                  <tr key={String(r.id)} className={`log-line log-${severity}`}>
                    <td className="log-time">{logTime(String(r.timestamp ?? ''), typeof r.timestamp_precise === 'number' ? r.timestamp_precise : null)}</td>
                    <td>
                      <span className={`log-severity log-severity-${severity}`}>{severity}</span>
                    </td>
                    <td className="log-message">{String(r.message ?? '')}</td>
                    <td>
                      {trace !== '' && (
                        <Link to={`/organizations/${org}/traces/${trace}/`} title={`Open trace ${trace}`}>
                          {trace.slice(0, 8)}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <p className="muted" aria-live="polite">
        {live ? `Live: newest ${PER_PAGE} lines, refreshed every ${POLL_MS / 1000} s.` : `Newest ${PER_PAGE} lines.`}
        {stream.data?.meta?.dataScanned === 'partial' ? ' Only part of the window was read.' : ''}
      </p>
    </div>
  );
}
