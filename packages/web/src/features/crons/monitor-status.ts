import type { CheckInStatus, Monitor, MonitorEnvironment } from '../../api/index.js';

/**
 * How statuses read on the Crons pages. Check-in statuses and environment statuses follow
 * Sentry's monitor API (docs.sentry.io "Retrieve Check-Ins for a Monitor"; docs/crons.md).
 */
export const CHECKIN_LABELS: Record<CheckInStatus, string> = {
  ok: 'ok',
  error: 'error',
  missed: 'missed',
  timeout: 'timed out',
  in_progress: 'in progress',
  unknown: 'unknown',
};

export function checkInLabel(status: string): string {
  return CHECKIN_LABELS[status as CheckInStatus] ?? status;
}

/** What an environment's state means for the person on call: the badge text and its tone. */
export interface StatusBadge {
  readonly text: string;
  /** css tone: ok, error, waiting, off */
  readonly tone: 'ok' | 'error' | 'waiting' | 'off';
}

export function environmentBadge(monitor: Pick<Monitor, 'status' | 'isMuted'>, env: MonitorEnvironment): StatusBadge {
  if (monitor.status === 'disabled' || env.status === 'disabled') return { text: 'Disabled', tone: 'off' };
  const muted = monitor.isMuted || env.isMuted;
  const base = ((): StatusBadge => {
    switch (env.status) {
      case 'ok':
        return { text: 'OK', tone: 'ok' };
      case 'error':
        return { text: 'Failing', tone: 'error' };
      case 'missed_checkin':
        return { text: 'Missed', tone: 'error' };
      case 'timeout':
        return { text: 'Timed out', tone: 'error' };
      default:
        // `active`: no incident and no verdict yet; after a check-in (say a first failure under
        // the failure tolerance) it is not "waiting" any more.
        return env.lastCheckIn ? { text: 'Active', tone: 'waiting' } : { text: 'Waiting for first check-in', tone: 'waiting' };
    }
  })();
  return muted ? { text: `${base.text} (muted)`, tone: base.tone === 'error' ? 'error' : 'off' } : base;
}

/** The badge of a monitor that has not checked in anywhere yet (no environments). */
export function monitorBadge(monitor: Monitor): StatusBadge {
  if (monitor.status === 'disabled') return { text: 'Disabled', tone: 'off' };
  if (monitor.isMuted) return { text: 'Muted', tone: 'off' };
  return { text: 'Waiting for first check-in', tone: 'waiting' };
}

/** The soonest expected run over the monitor's environments (ISO string), or null. */
export function nextExpected(monitor: Monitor): string | null {
  const times = monitor.environments.map((e) => e.nextCheckIn).filter((t): t is string => typeof t === 'string' && t !== '');
  times.sort((a, b) => Date.parse(a) - Date.parse(b));
  return times[0] ?? null;
}
