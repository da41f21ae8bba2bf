import { Link } from 'react-router';
import { type Issue, useAction, useApi, useResource } from '../../api/index.js';
import { EmptyState, ErrorState } from '../../ui/states.js';
import { IssueList, IssueListSkeleton } from '../issues/issue-list.js';
import type { IssueChange } from '../issues/status-changes.js';

const SPARKLINE = '14d';
const SHOWN = 10;

/**
 * A monitor's incidents are issues (one per incident, tagged `monitor.slug`, as Sentry's cron
 * issues are: docs/crons.md), so they come from the issue search and act like any issue.
 */
export function incidentQuery(slug: string): string {
  return `monitor.slug:${slug}`;
}

export function MonitorIncidents({ org, slug, projectId }: { org: string; slug: string; projectId: string }) {
  const api = useApi();
  const query = incidentQuery(slug);
  const issues = useResource<Issue[]>(`organizations/${org}/issues/`, { project: projectId, query, groupStatsPeriod: SPARKLINE, limit: SHOWN });
  const change = useAction(async (ids: string[], body: IssueChange) => {
    if (ids.length === 0) return;
    await api.request(`organizations/${org}/issues/`, { method: 'PUT', query: { id: ids, project: projectId }, body });
    issues.reload();
  });
  const listHref = `/organizations/${org}/issues/?${new URLSearchParams({ project: projectId, query, statsPeriod: '90d' })}`;
  return (
    <section className="cron-section" aria-labelledby="incidents-title">
      <div className="section-head">
        <h2 id="incidents-title">Incidents</h2>
        <Link to={listHref}>Open in the issue list</Link>
      </div>
      {change.error && (
        <p className="alert" role="alert">
          {change.error.detail}
        </p>
      )}
      {issues.error && <ErrorState error={issues.error} onRetry={issues.reload} title="Could not load the incidents" />}
      {!issues.data && !issues.error && <IssueListSkeleton rows={2} />}
      {issues.data?.length === 0 && (
        <div className="card">
          <EmptyState title="No incidents">
            <span>A missed, failed or timed-out run opens one once the failure threshold is reached.</span>
          </EmptyState>
        </div>
      )}
      {issues.data && issues.data.length > 0 && (
        <IssueList org={org} issues={issues.data} statsKey={SPARKLINE} pending={change.pending} onChange={(ids, body) => void change.run(ids, body)} />
      )}
    </section>
  );
}
