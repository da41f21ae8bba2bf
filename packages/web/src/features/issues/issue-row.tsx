import { memo } from 'react';
import { Link } from 'react-router';
import type { Issue } from '../../api/index.js';
import { LevelBadge } from '../../ui/level-badge.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { Sparkline } from '../../ui/sparkline.js';
import { IssueTitle, StatusBadges } from './issue-title.js';

export function formatCount(n: number | string): string {
  const v = typeof n === 'string' ? Number(n) : n;
  if (!Number.isFinite(v)) return String(n);
  if (v < 1000) return String(v);
  if (v < 1_000_000) return `${(v / 1000).toFixed(v < 10_000 ? 1 : 0).replace(/\.0$/, '')}k`;
  return `${(v / 1_000_000).toFixed(1).replace(/\.0$/, '')}m`;
}

interface RowProps {
  issue: Issue;
  href: string;
  statsKey: string;
  selected: boolean;
  focused: boolean;
  onToggle: (id: string) => void;
}

/** One issue: what broke, where, how often, for whom, since when. Fixed column widths: no shift when data lands. */
export const IssueRow = memo(function IssueRow({ issue, href, statsKey, selected, focused, onToggle }: RowProps) {
  const stats = issue.stats?.[statsKey] ?? [];
  const events = stats.reduce((n, p) => n + p[1], 0);
  return (
    <li
      className={`issue-row${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}`}
      data-issue-id={issue.id}
      aria-current={focused ? 'true' : undefined}
    >
      <span className={`issue-stripe level-${issue.level}`} aria-hidden="true" />
      <span className="issue-check">
        <input type="checkbox" checked={selected} aria-label={`Select ${issue.shortId}`} onChange={() => onToggle(issue.id)} />
      </span>
      <div className="issue-main">
        <Link to={href} className="issue-title">
          <IssueTitle issue={issue} />
        </Link>
        <div className="issue-culprit mono">{issue.culprit || '\u00a0'}</div>
        <div className="issue-meta">
          <LevelBadge level={issue.level} />
          <span className="mono issue-shortid">{issue.shortId}</span>
          <StatusBadges issue={issue} />
          <span>
            <span className="faint">last seen </span>
            <RelativeTime value={issue.lastSeen} label="Last seen" />
          </span>
          <span>
            <span className="faint">first seen </span>
            <RelativeTime value={issue.firstSeen} label="First seen" />
            {issue.firstRelease && (
              <span title={`First seen in release ${issue.firstRelease.version}`}>
                <span className="faint"> in </span>
                <span className="mono issue-release">{issue.firstRelease.shortVersion ?? issue.firstRelease.version}</span>
              </span>
            )}
          </span>
        </div>
      </div>
      <span className="issue-graph">
        <Sparkline points={stats} label={`${events} events in the chart period`} />
      </span>
      <span className="issue-count" title={`${issue.count} events in the selected range`}>
        {formatCount(issue.count)}
      </span>
      <span className="issue-count" title={`${issue.userCount} users affected in all`}>
        {formatCount(issue.userCount)}
      </span>
      <span className="issue-assignee">
        {issue.assignedTo ? (
          <span className="assignee" title={`Assigned to ${issue.assignedTo.name}`}>
            {issue.assignedTo.type === 'team' ? '#' : ''}
            {issue.assignedTo.name}
          </span>
        ) : (
          <span className="faint">—</span>
        )}
      </span>
    </li>
  );
});
