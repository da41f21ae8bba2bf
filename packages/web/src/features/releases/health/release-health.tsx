import { useState } from 'react';
import { useResource } from '../../../api/index.js';
import { Skeleton } from '../../../ui/states.js';
import { formatCount } from '../../issues/issue-row.js';
import type { Deploy, Release, ReleaseProject } from '../release-types.js';
import { formatVersion, versionSegment } from '../version.js';
import { HealthRate } from './health-rate.js';
import { comparePoints, formatHealthPercent, type HealthRates, type HealthThresholds, RATE_LABELS, ratesOf } from './health-rates.js';
import { type PreviousRelease, previousReleaseOf } from './previous-release.js';
import { HEALTH_PERIODS, type HealthPeriod, SessionStatusChart } from './session-status-chart.js';
import { useHealthThresholds } from './use-health-thresholds.js';

const RATE_KEYS: readonly (keyof HealthRates)[] = ['crashFreeUsers', 'crashFreeSessions', 'unhandledFreeUsers', 'unhandledFreeSessions'];
/** Enough releases to find the one before any recent release in one request. */
const NEIGHBOURS = 100;

function RateLines({
  rates,
  previous,
  projectId,
  thresholds,
}: {
  rates: HealthRates;
  previous: PreviousRelease;
  projectId: string;
  thresholds: HealthThresholds;
}) {
  const prevRates = previous.kind === 'found' ? ratesOf(previous.release.projects.find((p) => String(p.id) === projectId)?.healthData) : null;
  const prevLabel = previous.kind === 'found' ? formatVersion(previous.release.version) : '';
  return (
    <ul className="release-health-rates">
      {RATE_KEYS.filter((k) => rates[k] !== null).map((k) => {
        const delta = prevRates ? comparePoints(rates[k], prevRates[k], prevLabel) : null;
        return (
          <li key={k} data-rate={k}>
            <span className="muted">{RATE_LABELS[k]}</span> <HealthRate label={RATE_LABELS[k]} value={rates[k]} thresholds={thresholds} />
            {delta && <span className="health-delta">, {delta}</span>}
          </li>
        );
      })}
      {previous.kind === 'first' && <li className="faint">The first release of this project: nothing to compare with.</li>}
    </ul>
  );
}

/**
 * The release's health in one project: crash-free and unhandled-free rates over Sentry's default
 * 14-day summary window, each against the previous release ("−2.8 points against 2.4.0"), the
 * totals, and sessions by status over time with the deploys marked.
 */
export function ReleaseHealth({ org, release, project }: { org: string; release: Release; project: ReleaseProject }) {
  const [period, setPeriod] = useState<HealthPeriod>('24h');
  const projectId = String(project.id);
  const path = `organizations/${org}/releases/${versionSegment(release.version)}/`;
  const thresholds = useHealthThresholds(org, project.slug);
  const details = useResource<Release>(path, { project: projectId, health: 1 });
  const list = useResource<Release[]>(`organizations/${org}/releases/`, { project: projectId, health: 1, per_page: NEIGHBOURS });
  const deploys = useResource<Deploy[]>(`${path}deploys/`, { per_page: 100 });
  const health = details.data?.projects.find((p) => String(p.id) === projectId)?.healthData;
  const previous: PreviousRelease = list.data ? previousReleaseOf(list.data, release.version, Boolean(list.links.next?.results)) : { kind: 'unknown' };
  return (
    <section className="card release-section" aria-labelledby="release-health-title">
      <figure className="issue-chart">
        <figcaption>
          <span>
            <h2 id="release-health-title" className="inline-heading">
              Release health
            </h2>{' '}
            <span className="muted">rates over the last 14 days · {project.slug}</span>
          </span>
          <fieldset className="btn-group fieldset-plain" aria-label="Sessions chart period">
            {HEALTH_PERIODS.map(([p, label]) => (
              <button key={p} type="button" className="btn btn-small" aria-pressed={p === period} onClick={() => setPeriod(p)}>
                {label}
              </button>
            ))}
          </fieldset>
        </figcaption>
        {!details.data && !details.error && <Skeleton height={60} />}
        {details.data && !health?.hasHealthData && (
          <p className="muted">
            No sessions from this release yet. The SDKs send them by default (release health); set <code>release</code> in <code>Sentry.init</code>.
          </p>
        )}
        {health?.hasHealthData && (
          <>
            <RateLines rates={ratesOf(health)} previous={previous} projectId={projectId} thresholds={thresholds} />
            <dl className="release-health-totals">
              <div className="stat">
                <dt>Sessions</dt>
                <dd>{formatCount(health.totalSessions ?? 0)}</dd>
              </div>
              <div className="stat">
                <dt>Users</dt>
                <dd>{formatCount(health.totalUsers ?? 0)}</dd>
              </div>
              <div className="stat">
                <dt>Crashed</dt>
                <dd>{formatCount(health.sessionsCrashed)}</dd>
              </div>
              <div className="stat">
                <dt>Errored</dt>
                <dd>{formatCount(health.sessionsErrored)}</dd>
              </div>
              <div className="stat">
                <dt>Adoption (24h)</dt>
                <dd>{formatHealthPercent(health.adoption)}</dd>
              </div>
            </dl>
          </>
        )}
        <SessionStatusChart org={org} projectId={projectId} version={release.version} period={period} deploys={deploys.data ?? []} />
      </figure>
    </section>
  );
}
