import { Link } from 'react-router';
import { type Issue, useAction, useApi, useResource } from '../../api/index.js';
import { EmptyState, ErrorState } from '../../ui/states.js';
import { IssueList, IssueListSkeleton } from '../issues/issue-list.js';
import type { IssueChange } from '../issues/status-changes.js';
import type { Release } from './release-types.js';
import { searchValue } from './version.js';

const SPARKLINE = '14d';
const SHOWN = 25;

/** The issues first seen in this release (any status), through the issue search `firstRelease:`. */
export function ReleaseNewIssues({ org, release }: { org: string; release: Release }) {
  const api = useApi();
  const query = `firstRelease:${searchValue(release.version)}`;
  const projectIds = release.projects.map((p) => String(p.id));
  const issues = useResource<Issue[]>(`organizations/${org}/issues/`, {
    project: projectIds,
    query,
    groupStatsPeriod: SPARKLINE,
    limit: SHOWN,
  });
  const change = useAction(async (ids: string[], body: IssueChange) => {
    if (ids.length === 0) return;
    await api.request(`organizations/${org}/issues/`, { method: 'PUT', query: { id: ids, project: projectIds }, body });
    issues.reload();
  });
  // The issue list shows one project; the first one of the release is where most readers come from.
  const listProject = release.projects[0];
  const listHref = `/organizations/${org}/issues/?${new URLSearchParams({
    ...(listProject ? { project: String(listProject.id) } : {}),
    query,
    statsPeriod: '90d',
  })}`;
  return (
    <section className="release-section-plain" aria-labelledby="new-issues-title">
      <div className="section-head">
        <h2 id="new-issues-title">
          New issues <span className="badge">{release.newGroups}</span>
        </h2>
        <Link to={listHref}>Open in the issue list</Link>
      </div>
      {change.error && (
        <p className="alert" role="alert">
          {change.error.detail}
        </p>
      )}
      {issues.error && <ErrorState error={issues.error} onRetry={issues.reload} title="Could not load the new issues" />}
      {!issues.data && !issues.error && <IssueListSkeleton rows={3} />}
      {issues.data?.length === 0 && (
        <div className="card">
          <EmptyState title="No new issues">
            <span>Nothing was first seen in this release.</span>
          </EmptyState>
        </div>
      )}
      {issues.data && issues.data.length > 0 && (
        <IssueList org={org} issues={issues.data} statsKey={SPARKLINE} pending={change.pending} onChange={(ids, body) => void change.run(ids, body)} />
      )}
    </section>
  );
}
