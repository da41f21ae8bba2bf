import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type Issue, type Project, type ReleaseRef, useAction, useApi, useResource } from '../../api/index.js';
import { ErrorState } from '../../ui/states.js';
import { Tabs } from '../../ui/tabs.js';
import { anyIssueQuery, FirstRun } from '../onboarding/first-run.js';
import { IssueFilters } from './issue-filters.js';
import { IssueList, IssueListSkeleton, issueHref } from './issue-list.js';
import { ListFooter } from './list-footer.js';
import { sparklinePeriod, useListParams } from './list-params.js';
import { STATUS_TABS, statusTabOf, withStatusTab } from './search/query-edit.js';
import { SearchBar } from './search/search-bar.js';
import { describeChange, type IssueChange } from './status-changes.js';
import { useKnownTags, withReleases } from './use-known-tags.js';
import { useProjectTags } from './use-project-tags.js';

const LIST_POLL_MS = 30_000;

/** A project's issues: search, filters, status tabs, the list and its pages; the setup guide while it is empty. */
export function IssuesView({ org, project }: { org: string; project: Project }) {
  const api = useApi();
  const [params, update] = useListParams();
  const path = `projects/${org}/${project.slug}/issues/`;
  const statsKey = sparklinePeriod(params.statsPeriod);
  // The organization list, narrowed to the project: there `statsPeriod` is the time range
  // (counts and "seen within") and `groupStatsPeriod` the sparkline.
  const list = useResource<Issue[]>(
    `organizations/${org}/issues/`,
    {
      project: project.id,
      query: params.query,
      sort: params.sort,
      statsPeriod: params.statsPeriod,
      groupStatsPeriod: statsKey,
      environment: params.environment || undefined,
      cursor: params.cursor || undefined,
      limit: params.limit,
    },
    { pollMs: LIST_POLL_MS },
  );
  const probe = useResource<Issue[]>(list.data?.length === 0 ? path : null, anyIssueQuery());
  const sampledTags = useKnownTags(list.data);
  const releases = useResource<ReleaseRef[]>(`projects/${org}/${project.slug}/releases/`, { per_page: 20 });
  // The project's newest releases join the sampled tag values, for the release filter and `release:` suggestions.
  // Project-wide keys and values from the server; the page's sampled tags fill in while they load.
  const projectTags = useProjectTags(org, project.slug, sampledTags);
  const tags = useMemo(() => withReleases(projectTags.tags, releases.data?.map((r) => r.version) ?? []), [projectTags.tags, releases.data]);
  const [notice, setNotice] = useState<string | null>(null);

  const change = useAction(async (ids: string[], body: IssueChange) => {
    if (ids.length === 0) return;
    await api.request(path, { method: 'PUT', query: { id: ids }, body });
    setNotice(describeChange(body, ids.length));
    list.reload();
  });

  const { reload: reloadProbe } = probe;
  const { reload: reloadList } = list;
  const onArrived = useCallback(
    (issue: Issue) => {
      setNotice(`Your first event arrived: ${issue.title}`);
      reloadProbe();
      reloadList();
    },
    [reloadProbe, reloadList],
  );

  const tab = statusTabOf(params.query);
  const empty = list.data?.length === 0 && probe.data?.length === 0;
  if (empty) return <FirstRun org={org} project={project.slug} platform={project.platform} onArrived={onArrived} />;

  return (
    <div className="issues-view">
      <div className="issues-toolbar">
        <SearchBar
          value={params.query}
          tags={tags}
          onValueContext={projectTags.onValueContext}
          onSearch={(query) => update({ query })}
          error={list.error && list.error.status === 400 ? list.error.detail : undefined}
        />
        <IssueFilters
          params={params}
          update={update}
          environments={tags.find((t) => t.key === 'environment')?.topValues ?? []}
          releases={tags.find((t) => t.key === 'release')?.topValues ?? []}
        />
      </div>
      <Tabs label="Issue status" items={STATUS_TABS} selected={tab} onSelect={(key) => update({ query: withStatusTab(params.query, key) })} />
      <div className="list-status" aria-live="polite">
        {notice && (
          <span className="notice">
            {notice}{' '}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setNotice(null)} aria-label="Dismiss">
              ×
            </button>
          </span>
        )}
        {change.error && <span className="alert">{change.error.detail}</span>}
      </div>
      {list.error && list.error.status !== 400 && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <IssueListSkeleton />}
      {list.data && list.data.length === 0 && (
        <div className="card state">
          <strong>No issues match</strong>
          <span>
            {tab === 'unresolved' ? 'Nothing unresolved here. ' : ''}Try another status tab, a longer time range, or{' '}
            <Link to={`?project=${project.id}&query=`}>all issues</Link>.
          </span>
        </div>
      )}
      {list.data && list.data.length > 0 && (
        <IssueList org={org} issues={list.data} statsKey={statsKey} pending={change.pending} onChange={(ids, body) => void change.run(ids, body)} />
      )}
      <ListFooter
        links={list.links}
        loading={list.loading}
        count={list.data?.length ?? 0}
        limit={params.limit}
        onCursor={(cursor) => update({ cursor })}
        onLimit={(limit) => update({ limit })}
      />
      <p className="shortcuts faint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>e</kbd> resolve · <kbd>x</kbd> select · <kbd>/</kbd> search
      </p>
    </div>
  );
}

export { issueHref };
