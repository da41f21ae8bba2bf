import type { Issue, ReplayIds, ReplayList } from '../../api/index.js';
import { useResource } from '../../api/index.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { ReplayTable } from './replay-list.js';

const PERIOD = '90d';
/** Replays listed at most (one page of the replay list). */
const MAX_REPLAYS = 50;

/**
 * Which replays saw this issue: `replay-count/?returnIds=true` for the issue's id, then those
 * replays from the replay list (`query=id:[…]`).
 */
export function useIssueReplayIds(org: string, issue: Pick<Issue, 'id' | 'issueCategory'>) {
  return useResource<ReplayIds>(`organizations/${org}/replay-count/`, {
    query: `issue.id:[${issue.id}]`,
    returnIds: 'true',
    data_source: issue.issueCategory === 'feedback' ? 'search_issues' : 'discover',
    project: '-1',
    statsPeriod: PERIOD,
  });
}

export function IssueReplays({ org, issue }: { org: string; issue: Pick<Issue, 'id' | 'issueCategory'> }) {
  const ids = useIssueReplayIds(org, issue);
  const list = (ids.data?.[issue.id] ?? []).slice(0, MAX_REPLAYS);
  const replays = useResource<ReplayList>(list.length > 0 ? `organizations/${org}/replays/` : null, {
    query: `id:[${list.join(',')}]`,
    project: '-1',
    statsPeriod: PERIOD,
    sort: '-started_at',
    per_page: MAX_REPLAYS,
  });
  const error = ids.error ?? replays.error;
  if (error) return <ErrorState error={error} onRetry={ids.error ? ids.reload : replays.reload} title="Could not load the replays" />;
  if (!ids.data || (list.length > 0 && !replays.data))
    return (
      <section className="card card-body" aria-busy="true" aria-label="Loading replays">
        <Skeleton height={22} />
      </section>
    );
  if (list.length === 0 || replays.data?.data.length === 0)
    return (
      <div className="card">
        <EmptyState title="No replays of this issue">
          <span>A browser SDK with the replay integration records the session around an error; those replays show up here.</span>
        </EmptyState>
      </div>
    );
  return (
    <section className="card replay-list" aria-label="Replays of this issue">
      <ReplayTable org={org} replays={replays.data?.data ?? []} />
    </section>
  );
}
