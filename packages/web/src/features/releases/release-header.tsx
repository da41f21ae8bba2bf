import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../ui/copy-button.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { Skeleton } from '../../ui/states.js';
import { formatCount } from '../issues/issue-row.js';
import { ReleaseState } from './release-table.js';
import type { Release } from './release-types.js';
import { describeVersion } from './version.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The release at a glance: its version, when it was created and finalized, what it brought and where it lives. */
export function ReleaseHeader({ org, release }: { org: string; release: Release }) {
  const v = describeVersion(release.version);
  return (
    <header className="card release-header">
      <div className="release-header-top">
        <div className="release-header-titles">
          <p className="faint release-kicker">
            <Link to={`/organizations/${org}/releases/`}>Releases</Link> <span aria-hidden="true">/</span> {v.pkg ?? 'release'}
          </p>
          <h1 className="release-title">
            <span className="mono">{v.short}</span> <ReleaseState release={release} />
          </h1>
          <p className="release-full mono faint">
            {release.version} <CopyButton text={release.version} label="Copy version" className="btn btn-small btn-ghost" />
          </p>
        </div>
      </div>
      <dl className="release-facts">
        <Fact label="Created">
          <RelativeTime value={release.dateCreated} label="Created" />
        </Fact>
        <Fact label="Finalized">
          {release.dateReleased ? <RelativeTime value={release.dateReleased} label="Finalized" /> : <span className="faint">not yet</span>}
        </Fact>
        <Fact label="Last event">
          <RelativeTime value={release.lastEvent} label="Last event" />
        </Fact>
        <Fact label="New issues">{formatCount(release.newGroups)}</Fact>
        <Fact label="Events">{formatCount(release.eventCount)}</Fact>
        <Fact label="Commits">{release.commitCount}</Fact>
      </dl>
      {release.projects.length > 0 && (
        <p className="release-projects">
          <span className="filter-label">Projects</span>{' '}
          {release.projects.map((p) => (
            <Link key={p.id} className="badge" to={`/organizations/${org}/releases/?project=${p.id}`} title={`${p.newGroups} new issues in ${p.slug}`}>
              {p.slug}
            </Link>
          ))}
        </p>
      )}
    </header>
  );
}

export function ReleaseHeaderSkeleton() {
  return (
    <section className="card release-header" aria-busy="true" aria-label="Loading release">
      <Skeleton width={120} height={12} />
      <div style={{ height: 8 }} />
      <Skeleton width="40%" height={24} />
      <div style={{ height: 16 }} />
      <Skeleton height={48} />
    </section>
  );
}
