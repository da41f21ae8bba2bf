import { type UserReport, useResource } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';

const PER_PAGE = 25;

/** An issue's user reports (`/issues/{id}/user-reports/`): what the people who hit it wrote. */
export function useUserReports(org: string, issueId: string) {
  return useResource<UserReport[]>(`organizations/${org}/issues/${issueId}/user-reports/`, { per_page: PER_PAGE });
}

/** The reports as a list; name, e-mail and comments are the sender's words, shown as text. */
export function IssueUserReports({ org, issueId }: { org: string; issueId: string }) {
  const reports = useUserReports(org, issueId);
  if (reports.error) return <ErrorState error={reports.error} onRetry={reports.reload} title="Could not load the user feedback" />;
  if (!reports.data)
    return (
      <section className="card card-body" aria-busy="true" aria-label="Loading user feedback">
        <Skeleton height={40} />
      </section>
    );
  if (reports.data.length === 0)
    return (
      <div className="card">
        <EmptyState title="No user feedback on this issue">
          <span>
            Reports sent with <code>Sentry.captureFeedback({'{ message, associatedEventId }'})</code> or the crash-report dialog show up here.
          </span>
        </EmptyState>
      </div>
    );
  return (
    <section className="card" aria-label="User feedback">
      <ul className="user-reports">
        {reports.data.map((r) => (
          <li key={r.id} className="user-report" data-report={r.id}>
            <div className="user-report-top">
              <strong className="user-report-name">{r.name || r.email || 'Anonymous'}</strong>
              {r.email && r.email !== r.name && <span className="muted">{r.email}</span>}
              <span className="spacer" />
              <RelativeTime value={r.dateCreated} label="Sent" className="muted" />
            </div>
            <p className="user-report-comments">{r.comments}</p>
            {r.eventID && <span className="muted mono user-report-event">event {r.eventID}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
