import { type EventsTable, type Issue, useResource } from '../../../api/index.js';
import { Skeleton } from '../../../ui/states.js';
import { formatHealthPercent } from '../../releases/health/health-rates.js';
import type { Release } from '../../releases/release-types.js';
import { versionSegment } from '../../releases/version.js';
import { ReleaseLink } from '../../releases/version-label.js';

/** The window of both counts: Sentry's release-health summary window (`summaryStatsPeriod`, 14 days). */
const WINDOW = '14d';
const USERS = 'count_unique(user)';

/** The share of `of` that `part` is, as a percentage, capped at 100 (event and session users are counted apart). */
export function userShare(part: number, of: number | null | undefined): number | null {
  if (!of || of <= 0) return null;
  return Math.min(100, (part / of) * 100);
}

function ShareLine({ org, projectId, version, affected }: { org: string; projectId: string; version: string; affected: number }) {
  const release = useResource<Release>(`organizations/${org}/releases/${versionSegment(version)}/`, {
    project: projectId,
    health: 1,
    summaryStatsPeriod: WINDOW,
  });
  const total = release.data?.projects.find((p) => String(p.id) === projectId)?.healthData?.totalUsers ?? null;
  const share = userShare(affected, total);
  if (!release.data && !release.error) return <Skeleton height={18} />;
  return (
    <li data-release={version}>
      {share === null ? (
        <>
          {affected} {affected === 1 ? 'user' : 'users'} of <ReleaseLink org={org} version={version} />
          <span className="faint"> (the release has no session users to compare with)</span>
        </>
      ) : (
        <>
          Affected <strong className="release-share">{formatHealthPercent(share)}</strong> of the users of <ReleaseLink org={org} version={version} />
          <span className="faint">
            {' '}
            ({affected} of {total})
          </span>
        </>
      )}
    </li>
  );
}

/**
 * What share of a release's users the issue reached: distinct users of the issue's events in the
 * release (the events API, errors dataset) against the release's users from its sessions
 * (release `healthData.totalUsers`), both over the last 14 days. For the releases the issue was
 * first and last seen in.
 */
export function IssueReleaseShare({ org, issue }: { org: string; issue: Issue }) {
  const versions = [...new Set([issue.lastRelease?.version, issue.firstRelease?.version].filter((v): v is string => Boolean(v)))];
  const projectId = issue.project?.id;
  const users = useResource<EventsTable>(versions.length > 0 && projectId ? `organizations/${org}/events/` : null, {
    dataset: 'errors',
    field: ['release', USERS],
    query: `issue.id:${issue.id}`,
    project: projectId,
    statsPeriod: WINDOW,
    per_page: 100,
  });
  if (versions.length === 0 || !projectId) return null;
  const affected = (version: string) => {
    const n = users.data?.data.find((r) => r.release === version)?.[USERS];
    return typeof n === 'number' ? n : 0;
  };
  return (
    <section className="sidebar-section" aria-labelledby="issue-release-share-title">
      <h2 id="issue-release-share-title">Release users affected</h2>
      {users.error && <p className="faint">Not available: {users.error.detail}</p>}
      {!users.data && !users.error && <Skeleton height={18} />}
      {users.data && (
        <ul className="release-share-list">
          {versions.map((v) => (
            <ShareLine key={v} org={org} projectId={projectId} version={v} affected={affected(v)} />
          ))}
        </ul>
      )}
      <p className="faint release-share-note">Last 14 days. Users of the issue's events against the release's users from its sessions.</p>
    </section>
  );
}
