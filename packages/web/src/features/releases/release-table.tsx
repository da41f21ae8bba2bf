import { RelativeTime } from '../../ui/relative-time.js';
import { Skeleton } from '../../ui/states.js';
import { formatCount } from '../issues/issue-row.js';
import type { HealthThresholds } from './health/health-rates.js';
import { HEALTH_COLUMNS, ReleaseHealthCells } from './health/release-health-cells.js';
import type { Release } from './release-types.js';
import { VersionLabel } from './version-label.js';

/** Finalized (released) or still open for deploys, as Sentry's list labels it. */
export function ReleaseState({ release }: { release: Pick<Release, 'dateReleased'> }) {
  return release.dateReleased ? (
    <span className="badge badge-finalized" title={`Finalized ${new Date(release.dateReleased).toLocaleString()}`}>
      Finalized
    </span>
  ) : (
    <span className="badge" title="Not finalized yet (sentry-cli releases finalize)">
      Unreleased
    </span>
  );
}

function LastDeploy({ release }: { release: Release }) {
  const d = release.lastDeploy;
  if (!d) return <span className="faint">—</span>;
  return (
    <span className="release-deploy">
      <span className="badge badge-env">{d.environment}</span> <RelativeTime value={d.dateFinished} label={`Deployed to ${d.environment}`} />
    </span>
  );
}

const HEAD = ['Version', 'Created', 'State'] as const;
const TAIL = ['New issues', 'Events', 'Last deploy', 'Commits'] as const;

/** With `health`: the project whose `healthData` the health columns show, and its thresholds. */
export interface TableHealth {
  readonly projectId: string;
  readonly thresholds: HealthThresholds;
}

/**
 * One row per release: what it is, when it came, how healthy it is in the project (with
 * `health`), what it brought (new issues, events), where it went.
 */
export function ReleaseTable({ org, releases, health }: { org: string; releases: readonly Release[]; health?: TableHealth }) {
  const columns = [...HEAD, ...(health ? HEALTH_COLUMNS : []), ...TAIL];
  return (
    <table className="table release-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className={c === 'Version' ? undefined : 'num-col'}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {releases.map((r) => (
          <tr key={r.id} data-release={r.version}>
            <th scope="row" className="release-cell">
              <VersionLabel org={org} version={r.version} search={health ? `?project=${health.projectId}` : ''} />
            </th>
            <td className="num-col">
              <RelativeTime value={r.dateCreated} label="Created" />
            </td>
            <td className="num-col">
              <ReleaseState release={r} />
            </td>
            {health && <ReleaseHealthCells health={r.projects.find((p) => String(p.id) === health.projectId)?.healthData} thresholds={health.thresholds} />}
            <td className="num-col" data-col="new-issues" title={`${r.newGroups} issues first seen in this release`}>
              {r.newGroups > 0 ? <strong>{formatCount(r.newGroups)}</strong> : <span className="faint">0</span>}
            </td>
            <td className="num-col" title={`${r.eventCount} events`}>
              {formatCount(r.eventCount)}
            </td>
            <td className="num-col">
              <LastDeploy release={r} />
            </td>
            <td className="num-col" data-col="commits" title={`${r.commitCount} commits`}>
              {r.commitCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReleaseTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <section className="card card-body release-skeleton" aria-busy="true" aria-label="Loading releases">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} height={22} />
      ))}
    </section>
  );
}
