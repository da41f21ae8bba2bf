import { Link } from 'react-router';
import type { Monitor } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { CheckInTimeline } from './checkin-timeline.js';
import { environmentBadge, monitorBadge, nextExpected } from './monitor-status.js';
import { describeSchedule } from './schedule-words.js';
import { StatusBadge } from './status-badge.js';

export function monitorHref(org: string, slug: string): string {
  return `/organizations/${org}/crons/${encodeURIComponent(slug)}/`;
}

/** One monitor of the Crons list: what it is, when it runs next, and each environment's state and recent runs. */
export function MonitorRow({ org, monitor }: { org: string; monitor: Monitor }) {
  return (
    <tr data-monitor={monitor.slug}>
      <th scope="row">
        <Link to={monitorHref(org, monitor.slug)} className="cron-name">
          {monitor.name}
        </Link>
        <span className="cron-slug">{monitor.slug}</span>
      </th>
      <td data-cell="schedule">{describeSchedule(monitor.config)}</td>
      <td data-cell="next">
        {monitor.status === 'disabled' ? <span className="muted">—</span> : <RelativeTime value={nextExpected(monitor)} label="Next expected run" />}
      </td>
      <td data-cell="environments">
        {monitor.environments.length === 0 ? (
          <StatusBadge badge={monitorBadge(monitor)} />
        ) : (
          <ul className="cron-envs">
            {monitor.environments.map((env) => (
              <li key={env.name} data-environment={env.name}>
                <span className="cron-env-name">{env.name}</span>
                <StatusBadge badge={environmentBadge(monitor, env)} />
                <CheckInTimeline org={org} slug={monitor.slug} environment={env.name} />
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
