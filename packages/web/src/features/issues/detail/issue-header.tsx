import type { ReactNode } from 'react';
import type { Issue } from '../../../api/index.js';
import { CopyButton } from '../../../ui/copy-button.js';
import { LevelBadge } from '../../../ui/level-badge.js';
import { RelativeTime } from '../../../ui/relative-time.js';
import { Skeleton } from '../../../ui/states.js';
import { ReleaseLink } from '../../releases/version-label.js';
import { formatCount } from '../issue-row.js';
import { IssueTitle, StatusBadges } from '../issue-title.js';
import type { IssueChange } from '../status-changes.js';
import { IssueActions } from './issue-actions.js';
import { IssueChart } from './issue-chart.js';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function statusLine(issue: Issue): string | null {
  const d = issue.statusDetails ?? {};
  if (issue.status === 'ignored') {
    if (d.ignoreUntil) return `Ignored until ${new Date(d.ignoreUntil).toLocaleString()}`;
    if (d.ignoreCount) return `Ignored until it occurs ${d.ignoreCount} more times${d.ignoreWindow ? ` within ${d.ignoreWindow} minutes` : ''}`;
    if (d.ignoreUserCount) return `Ignored until it affects ${d.ignoreUserCount} more users`;
    return 'Ignored';
  }
  if (d.inNextRelease || issue.status === 'resolvedInNextRelease') return 'Resolved in the next release: a newer release brings it back';
  if (d.inRelease) return `Resolved in release ${d.inRelease}`;
  return null;
}

/** What broke, where, since when, in which release, how often and for whom — then the actions. */
export function IssueHeader({ org, issue, onChange, pending }: { org: string; issue: Issue; onChange: (c: IssueChange) => void; pending: boolean }) {
  const note = statusLine(issue);
  return (
    <header className="issue-header card">
      <div className="issue-header-top">
        <div className="issue-header-titles">
          <div className="issue-meta">
            <LevelBadge level={issue.level} />
            <span className="mono issue-shortid">{issue.shortId}</span>
            <CopyButton text={issue.shortId} label="Copy ID" className="btn btn-small btn-ghost" />
            <StatusBadges issue={issue} />
          </div>
          <h1 className="issue-page-title">
            <IssueTitle issue={issue} />
          </h1>
          {issue.culprit && <p className="issue-culprit mono">{issue.culprit}</p>}
          {note && <p className="status-note">{note}</p>}
        </div>
        <IssueActions org={org} issue={issue} onChange={onChange} pending={pending} />
      </div>
      <div className="issue-header-body">
        <dl className="issue-stats">
          <Stat label="Events">{formatCount(issue.count)}</Stat>
          <Stat label="Users">{formatCount(issue.userCount)}</Stat>
          <Stat label="First seen">
            <RelativeTime value={issue.firstSeen} label="First seen" />
            {issue.firstRelease && (
              <span className="stat-release">
                in <ReleaseLink org={org} version={issue.firstRelease.version} />
              </span>
            )}
          </Stat>
          <Stat label="Last seen">
            <RelativeTime value={issue.lastSeen} label="Last seen" />
            {issue.lastRelease && (
              <span className="stat-release">
                in <ReleaseLink org={org} version={issue.lastRelease.version} />
              </span>
            )}
          </Stat>
        </dl>
        <IssueChart stats={issue.stats} />
      </div>
    </header>
  );
}

/** The header's shape while the issue loads, so the page does not jump when it arrives. */
export function IssueHeaderSkeleton() {
  return (
    <section className="issue-header card" aria-busy="true" aria-label="Loading issue">
      <Skeleton width={180} height={14} />
      <div style={{ height: 10 }} />
      <Skeleton width="60%" height={24} />
      <div style={{ height: 8 }} />
      <Skeleton width="30%" height={13} />
      <div className="issue-header-body">
        <Skeleton height={110} />
        <Skeleton height={110} />
      </div>
    </section>
  );
}
