import { Link } from 'react-router';
import { type Issue, type IssueEvent, useAction, useApi, useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { ErrorState, InlineError, Skeleton } from '../../ui/states.js';
import { FeedbackAttachments } from './feedback-attachments.js';
import { feedbackDetails, safeHref } from './feedback-item.js';

/** The issue and event a feedback was sent about (`associated_event_id`), as a link to that event. */
function AssociatedEvent({ org, projectId, eventId }: { org: string; projectId: string | undefined; eventId: string }) {
  const event = useResource<IssueEvent>(projectId ? `projects/${org}/${projectId}/events/${eventId}/` : null);
  if (event.data?.groupID)
    return (
      <Link to={`/organizations/${org}/issues/${event.data.groupID}/events/${eventId}/`} className="feedback-event-link">
        {event.data.title}
      </Link>
    );
  return <span className="mono">{event.error ? `${eventId} (not found)` : eventId}</span>;
}

/**
 * One feedback in full: the message, who sent it and how to reach them, the page it was sent
 * from, the error and replay it belongs to; resolve or reopen it. Everything shown came from
 * the sender's browser, so it is rendered as text and only http(s) URLs become links.
 */
export function FeedbackDetail({ org, issueId, onChanged }: { org: string; issueId: string; onChanged: () => void }) {
  const api = useApi();
  const issue = useResource<Issue>(`issues/${issueId}/`);
  const event = useResource<IssueEvent>(`issues/${issueId}/events/latest/`);
  const change = useAction(async (status: 'resolved' | 'unresolved') => {
    await api.request(`issues/${issueId}/`, { method: 'PUT', body: { status } });
    issue.reload();
    onChanged();
  });
  if (issue.error) return <ErrorState error={issue.error} onRetry={issue.reload} title="Could not load this feedback" />;
  if (!issue.data)
    return (
      <div className="card-body" aria-busy="true">
        <Skeleton height={20} />
        <Skeleton height={80} />
      </div>
    );
  const fb = feedbackDetails(issue.data, event.data);
  const href = safeHref(fb.url);
  const resolved = issue.data.status === 'resolved';
  return (
    <article className="feedback-detail card-body" aria-label={`Feedback from ${fb.who}`}>
      <header className="feedback-detail-header">
        <div>
          <h2 className="feedback-detail-who">{fb.who}</h2>
          {fb.email && (
            <a className="feedback-detail-email" href={`mailto:${fb.email}`}>
              {fb.email}
            </a>
          )}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className={`btn btn-small${resolved ? '' : ' btn-primary'}`}
          disabled={change.pending}
          onClick={() => void change.run(resolved ? 'unresolved' : 'resolved')}
        >
          {resolved ? 'Unresolve' : 'Resolve'}
        </button>
      </header>
      <InlineError error={change.error} />
      <p className="feedback-detail-message">{fb.message}</p>
      <dl className="feedback-facts">
        <dt>Sent</dt>
        <dd>
          <RelativeTime value={issue.data.firstSeen} label="Sent" />
        </dd>
        <dt>Project</dt>
        <dd>{issue.data.project?.slug ?? '—'}</dd>
        {fb.url && (
          <>
            <dt>Page</dt>
            <dd className="mono feedback-url">
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                  {fb.url}
                </a>
              ) : (
                fb.url
              )}
            </dd>
          </>
        )}
        {fb.associatedEventId && (
          <>
            <dt>Error</dt>
            <dd>
              <AssociatedEvent org={org} projectId={issue.data.project?.id} eventId={fb.associatedEventId} />
            </dd>
          </>
        )}
        {fb.replayId && (
          <>
            <dt>Replay</dt>
            <dd>
              <Link to={`/organizations/${org}/replays/${fb.replayId}/`}>Watch the replay</Link>
            </dd>
          </>
        )}
      </dl>
      {event.data && issue.data.project && <FeedbackAttachments org={org} projectSlug={issue.data.project.slug} eventId={event.data.eventID} />}
      <p className="feedback-detail-links">
        <Link to={`/organizations/${org}/issues/${issueId}/`}>Open the feedback issue</Link>
        {event.data && (
          <>
            {' · '}
            <Link to={`/organizations/${org}/issues/${issueId}/events/${event.data.eventID}/`}>Its event</Link>
          </>
        )}
      </p>
    </article>
  );
}
