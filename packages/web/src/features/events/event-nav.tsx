import { Link } from 'react-router';
import type { IssueEvent } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { RelativeTime } from '../../ui/relative-time.js';

export const eventHref = (org: string, issueId: string, eventId: string) => `/organizations/${org}/issues/${issueId}/events/${eventId}/`;

function NavLink({ to, label, rel }: { to: string | null; label: string; rel?: string }) {
  if (!to)
    return (
      <button type="button" className="btn btn-small" disabled>
        {label}
      </button>
    );
  return (
    <Link className="btn btn-small" to={to} rel={rel}>
      {label}
    </Link>
  );
}

/** The trace an event happened in (`contexts.trace.trace_id`, Sentry's trace context), when it has a valid one. */
export function traceIdOf(event: IssueEvent): string | null {
  const id = event.contexts?.trace?.trace_id;
  return typeof id === 'string' && /^[0-9a-f]{32}$/i.test(id) ? id.toLowerCase() : null;
}

/** Which event is shown, and the way to the newest, oldest, previous and next one of the issue, to its trace and to the trace's logs. */
export function EventNav({ org, issueId, event }: { org: string; issueId: string; event: IssueEvent }) {
  const link = `${window.location.origin}${eventHref(org, issueId, event.eventID)}`;
  const traceId = traceIdOf(event);
  return (
    <div className="event-nav">
      <div className="event-id">
        <span className="muted">Event</span> <code title={event.eventID}>{event.eventID.slice(0, 8)}</code>{' '}
        <RelativeTime value={event.dateCreated} label="Happened" />
        {event.release && (
          <span className="event-fact">
            <span className="muted">release</span> <code>{event.release.version}</code>
          </span>
        )}
        {event.environment && (
          <span className="event-fact">
            <span className="muted">env</span> <code>{event.environment}</code>
          </span>
        )}
      </div>
      <span className="spacer" />
      {traceId && (
        <Link className="btn btn-small" to={`/organizations/${org}/traces/${traceId}/`} title={`Trace ${traceId}: every span and error of this request`}>
          View trace
        </Link>
      )}
      {traceId && (
        <Link className="btn btn-small" to={`/organizations/${org}/logs/?trace=${traceId}`} title={`The log lines of trace ${traceId}`}>
          Logs
        </Link>
      )}
      <CopyButton text={link} label="Copy link" />
      <nav className="btn-group" aria-label="Events of this issue">
        <NavLink to={eventHref(org, issueId, 'oldest')} label="Oldest" />
        <NavLink to={event.previousEventID ? eventHref(org, issueId, event.previousEventID) : null} label="← Older" rel="prev" />
        <NavLink to={event.nextEventID ? eventHref(org, issueId, event.nextEventID) : null} label="Newer →" rel="next" />
        <NavLink to={eventHref(org, issueId, 'latest')} label="Newest" />
      </nav>
    </div>
  );
}
