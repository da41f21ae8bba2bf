import type { Monitor } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { CheckInTimeline } from './checkin-timeline.js';
import { environmentBadge } from './monitor-status.js';
import { StatusBadge } from './status-badge.js';

/** Each environment's state: when it last checked in, when the next run is due, an open incident. */
export function MonitorEnvironments({
  org,
  monitor,
  onMute,
  pending,
}: {
  org: string;
  monitor: Monitor;
  /** mutes or unmutes one environment (Sentry API: `PUT …/monitors/{slug}/environments/{env}/`) */
  onMute: (environment: string, muted: boolean) => void;
  pending: boolean;
}) {
  if (monitor.environments.length === 0) return <p className="muted">No check-ins yet. The monitor starts watching its schedule after the first check-in.</p>;
  return (
    <table className="table cron-env-table">
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">Status</th>
          <th scope="col">Last check-in</th>
          <th scope="col">Next expected run</th>
          <th scope="col">Recent check-ins</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {monitor.environments.map((env) => (
          <tr key={env.name} data-environment={env.name}>
            <th scope="row">{env.name}</th>
            <td>
              <StatusBadge badge={environmentBadge(monitor, env)} />
              {env.activeIncident && (
                <span className="cron-incident-since">
                  {' '}
                  failing since <RelativeTime value={env.activeIncident.startingTimestamp} label="Incident started" />
                </span>
              )}
            </td>
            <td>
              <RelativeTime value={env.lastCheckIn} label="Last check-in" />
            </td>
            <td>
              <RelativeTime value={env.nextCheckIn} label="Next expected run" />
              {env.nextCheckInLatest && (
                <span className="cron-latest">
                  {' '}
                  (missed after <RelativeTime value={env.nextCheckInLatest} label="Counted as missed after" />)
                </span>
              )}
            </td>
            <td>
              <CheckInTimeline org={org} slug={monitor.slug} environment={env.name} />
            </td>
            <td>
              <button
                type="button"
                className="btn btn-small"
                aria-label={`${env.isMuted ? 'Unmute' : 'Mute'} ${env.name}`}
                aria-pressed={env.isMuted}
                disabled={pending}
                onClick={() => onMute(env.name, !env.isMuted)}
              >
                {env.isMuted ? 'Unmute' : 'Mute'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
