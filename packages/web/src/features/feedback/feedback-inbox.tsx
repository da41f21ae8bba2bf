import { Link, useSearchParams } from 'react-router';
import { type Issue, type Project, useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { Tabs } from '../../ui/tabs.js';
import { FeedbackDetail } from './feedback-detail.js';
import { feedbackSummary } from './feedback-item.js';

const PER_PAGE = 25;
const PERIOD = '90d';

export type InboxTab = 'unresolved' | 'resolved';
const TABS: readonly { key: InboxTab; label: string }[] = [
  { key: 'unresolved', label: 'New' },
  { key: 'resolved', label: 'Resolved' },
];

/** The list query of a tab: feedback issues are their own category, left out of the issue stream. */
export function inboxQuery(tab: InboxTab): string {
  return `issue.category:feedback is:${tab}`;
}

function FeedbackRow({ org, issue, selected, href }: { org: string; issue: Issue; selected: boolean; href: string }) {
  const { who, email, message } = feedbackSummary(issue);
  // Sender and message are what the person typed: text only.
  return (
    <li className="feedback-row" data-feedback={issue.id} aria-current={selected ? 'true' : undefined}>
      <Link to={href} className="feedback-row-link">
        <span className="feedback-row-top">
          <span className="feedback-who">{who}</span>
          {email && email !== who && <span className="feedback-email muted">{email}</span>}
          <span className="spacer" />
          <RelativeTime value={issue.firstSeen} label="Sent" className="muted" />
        </span>
        <span className="feedback-message">{message}</span>
        <span className="feedback-project muted">{issue.project?.slug ?? org}</span>
      </Link>
    </li>
  );
}

/**
 * The Feedback page: what people sent with the feedback widget or `captureFeedback`, newest
 * first, in two tabs (new = unresolved, resolved); the selected one opens beside the list.
 */
export function FeedbackInbox({ org, project }: { org: string; project: Project }) {
  const [params, setParams] = useSearchParams();
  const tab: InboxTab = params.get('status') === 'resolved' ? 'resolved' : 'unresolved';
  const cursor = params.get('cursor') ?? '';
  const selectedId = params.get('feedback');
  const list = useResource<Issue[]>(`organizations/${org}/issues/`, {
    project: project.id,
    query: inboxQuery(tab),
    sort: 'date',
    statsPeriod: PERIOD,
    limit: PER_PAGE,
    cursor: cursor || undefined,
  });
  const hrefWith = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    return `?${next}`;
  };
  const rows = list.data;
  return (
    <div className="feedback-view">
      <div className="page-header">
        <h1>User feedback</h1>
      </div>
      <Tabs
        label="Feedback status"
        items={TABS}
        selected={tab}
        onSelect={(k) => setParams(new URLSearchParams(hrefWith({ status: k === 'resolved' ? 'resolved' : '', cursor: '', feedback: '' }).slice(1)))}
      />
      <div className="feedback-layout">
        <section className="card feedback-list" aria-label="Feedback">
          {list.error && <ErrorState error={list.error} onRetry={list.reload} title="Could not load the feedback" />}
          {!rows && !list.error && (
            <div className="card-body" aria-busy="true">
              <Skeleton height={40} />
              <Skeleton height={40} />
            </div>
          )}
          {rows?.length === 0 && (
            <EmptyState title={tab === 'resolved' ? 'No resolved feedback' : 'No new feedback'}>
              {tab === 'unresolved' && (
                <span>
                  Add <code>Sentry.feedbackIntegration()</code> to the browser SDK, or send <code>Sentry.captureFeedback({'{ message }'})</code>.
                </span>
              )}
            </EmptyState>
          )}
          {rows && rows.length > 0 && (
            <ul className="feedback-rows">
              {rows.map((issue) => (
                <FeedbackRow key={issue.id} org={org} issue={issue} selected={issue.id === selectedId} href={hrefWith({ feedback: issue.id })} />
              ))}
            </ul>
          )}
          <nav className="list-footer" aria-label="Pages">
            <span className="muted" aria-live="polite">
              {list.loading ? 'Updating…' : ''}
            </span>
            <div className="btn-group">
              <Link
                className={`btn btn-small${list.links.previous?.results ? '' : ' disabled'}`}
                aria-disabled={!list.links.previous?.results}
                to={list.links.previous?.results ? hrefWith({ cursor: list.links.previous.cursor }) : hrefWith({})}
              >
                ← Previous
              </Link>
              <Link
                className={`btn btn-small${list.links.next?.results ? '' : ' disabled'}`}
                aria-disabled={!list.links.next?.results}
                to={list.links.next?.results ? hrefWith({ cursor: list.links.next.cursor }) : hrefWith({})}
              >
                Next →
              </Link>
            </div>
          </nav>
        </section>
        <section className="card feedback-detail-pane" aria-label="Selected feedback">
          {selectedId ? (
            <FeedbackDetail key={selectedId} org={org} issueId={selectedId} onChanged={list.reload} />
          ) : (
            <EmptyState title="Select a feedback to read it" />
          )}
        </section>
      </div>
    </div>
  );
}
