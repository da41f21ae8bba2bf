import type { ReleaseHealthData } from '../../../api/index.js';
import { HealthRate } from './health-rate.js';
import { formatHealthPercent, type HealthThresholds, ratesOf } from './health-rates.js';

export const HEALTH_COLUMNS = ['Crash-free users', 'Crash-free sessions', 'Adoption'] as const;

function RatePair({
  crashFree,
  unhandledFree,
  what,
  thresholds,
}: {
  crashFree: number | null;
  unhandledFree: number | null;
  what: 'users' | 'sessions';
  thresholds: HealthThresholds;
}) {
  return (
    <span className="health-pair">
      <HealthRate label={`Crash-free ${what}`} value={crashFree} thresholds={thresholds} />
      {unhandledFree !== null && (
        <span className="health-sub">
          unhandled-free <HealthRate label={`Unhandled-free ${what}`} value={unhandledFree} thresholds={thresholds} />
        </span>
      )}
    </span>
  );
}

/**
 * The release list's health cells of one release in one project: crash-free users and sessions,
 * each with the unhandled-free rate under it (a browser release is always crash-free: its SDK
 * never sends `crashed`), and adoption over the last 24 hours.
 */
export function ReleaseHealthCells({ health, thresholds }: { health: ReleaseHealthData | null | undefined; thresholds: HealthThresholds }) {
  if (!health?.hasHealthData)
    return (
      <td
        className="num-col faint"
        colSpan={HEALTH_COLUMNS.length}
        title="No sessions from this release: enable release health in the SDK (autoSessionTracking)"
      >
        no sessions
      </td>
    );
  const r = ratesOf(health);
  return (
    <>
      <td className="num-col" data-health="users">
        <RatePair crashFree={r.crashFreeUsers} unhandledFree={r.unhandledFreeUsers} what="users" thresholds={thresholds} />
      </td>
      <td className="num-col" data-health="sessions">
        <RatePair crashFree={r.crashFreeSessions} unhandledFree={r.unhandledFreeSessions} what="sessions" thresholds={thresholds} />
      </td>
      <td
        className="num-col"
        data-health="adoption"
        title={`Last 24 hours: ${formatHealthPercent(health.adoption)} of the project's users, ${formatHealthPercent(health.sessionsAdoption)} of its sessions`}
      >
        {formatHealthPercent(health.adoption)}
        <span className="health-sub">{formatHealthPercent(health.sessionsAdoption)} of sessions</span>
      </td>
    </>
  );
}
