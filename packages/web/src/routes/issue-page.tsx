import { useCallback } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type Issue, type IssueEvent, useAction, useApi, useResource } from '../api/index.js';
import { EventNav } from '../features/events/event-nav.js';
import { EventView } from '../features/events/event-view.js';
import { IssueUserReports, useUserReports } from '../features/feedback/issue-user-reports.js';
import { IssueActivity } from '../features/issues/detail/issue-activity.js';
import { IssueHeader, IssueHeaderSkeleton } from '../features/issues/detail/issue-header.js';
import { IssueReleaseShare } from '../features/issues/detail/issue-release-share.js';
import { IssueTags } from '../features/issues/detail/issue-tags.js';
import type { IssueChange } from '../features/issues/status-changes.js';
import { IssueReplays, useIssueReplayIds } from '../features/replays/issue-replays.js';
import { usePublishProject } from '../features/shell/shell-project.js';
import { ErrorState, Skeleton } from '../ui/states.js';
import { Tabs } from '../ui/tabs.js';
import '../styles/replays.css';

type IssueTab = 'details' | 'replays' | 'feedback';

/** The tabs under the header: the event, the replays that saw the issue, what its users wrote. */
function IssueTabs({ org, issue, tab, onTab }: { org: string; issue: Issue; tab: IssueTab; onTab: (t: IssueTab) => void }) {
  const replays = useIssueReplayIds(org, issue);
  const reports = useUserReports(org, issue.id);
  const replayCount = replays.data?.[issue.id]?.length;
  const reportCount = reports.data ? (reports.links.next?.results ? `${reports.data.length}+` : reports.data.length) : null;
  return (
    <div className="issue-tabs">
      <Tabs
        label="Issue sections"
        selected={tab}
        onSelect={onTab}
        items={[
          { key: 'details', label: 'Details' },
          { key: 'replays', label: 'Replays', count: replayCount ?? null },
          { key: 'feedback', label: 'User feedback', count: reportCount },
        ]}
      />
    </div>
  );
}

export default function IssuePage() {
  const { org = '', issueId = '', eventId = 'latest' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const tab: IssueTab = tabParam === 'replays' || tabParam === 'feedback' ? tabParam : 'details';
  const api = useApi();
  const issue = useResource<Issue>(`issues/${issueId}/`);
  const event = useResource<IssueEvent>(`issues/${issueId}/events/${eventId}/`);
  usePublishProject(org, issue.data?.project?.id);
  const change = useAction(async (body: IssueChange) => {
    await api.request(`issues/${issueId}/`, { method: 'PUT', body });
    issue.reload();
  });
  const projectId = issue.data?.project?.id;
  const listHref = useCallback(
    (query: string) =>
      `/organizations/${org}/issues/?${new URLSearchParams({ ...(projectId ? { project: projectId } : {}), query: `is:unresolved ${query}` })}`,
    [org, projectId],
  );

  if (issue.error)
    return <ErrorState error={issue.error} onRetry={issue.reload} title={issue.error.status === 404 ? 'Issue not found' : 'Could not load the issue'} />;
  if (!issue.data) return <IssueHeaderSkeleton />;
  return (
    <div className="issue-page">
      <IssueHeader org={org} issue={issue.data} onChange={(c) => void change.run(c)} pending={change.pending} />
      {change.error && (
        <p className="alert" role="alert">
          {change.error.detail}
        </p>
      )}
      <IssueTabs org={org} issue={issue.data} tab={tab} onTab={(t) => setSearch(t === 'details' ? {} : { tab: t })} />
      {tab === 'replays' && <IssueReplays org={org} issue={issue.data} />}
      {tab === 'feedback' && <IssueUserReports org={org} issueId={issue.data.id} />}
      {tab === 'details' && (
        <div className="issue-layout">
          <div className="issue-main-col">
            {event.error && <ErrorState error={event.error} onRetry={event.reload} title="Could not load the event" />}
            {!event.data && !event.error && (
              <div className="card card-body" aria-busy="true">
                <Skeleton height={28} />
                <Skeleton height={240} />
              </div>
            )}
            {event.data && (
              <>
                <EventNav org={org} issueId={issueId} event={event.data} />
                <EventView event={event.data} listHref={listHref} />
              </>
            )}
          </div>
          <aside className="issue-sidebar" aria-label="Issue details">
            <IssueReleaseShare org={org} issue={issue.data} />
            <IssueTags issueId={issueId} listHref={listHref} />
            <IssueActivity activity={issue.data.activity ?? []} org={org} />
          </aside>
        </div>
      )}
    </div>
  );
}
