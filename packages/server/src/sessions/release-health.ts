import type { Store } from '../store/index.js';
import { fraction, healthValues, rates } from './health-formulas.js';
import { emptyStats } from './store/session-stats-query.js';

/** One release of one project over a window; the caller has already scoped `projectId` to its organization. */
export interface ReleaseHealthQuery {
  readonly projectId: number;
  readonly release: string;
  /** ms, inclusive (the hour containing it counts) */
  readonly start: number;
  /** ms, exclusive */
  readonly end: number;
  /** absent = every environment */
  readonly environments?: readonly string[];
}

/**
 * A release's health in one project over a window. Rates are fractions 0..1 (multiply by 100
 * for Sentry's `healthData` percentages) and null where there is nothing to divide by.
 */
export interface ReleaseHealth {
  readonly sessions: number;
  readonly users: number;
  readonly crashedSessions: number;
  readonly unhandledSessions: number;
  readonly abnormalSessions: number;
  /** errored but not crashed or abnormal (Sentry's `sessionsErrored`) */
  readonly erroredSessions: number;
  readonly healthySessions: number;
  readonly crashedUsers: number;
  readonly unhandledUsers: number;
  readonly crashFreeSessions: number | null;
  readonly crashFreeUsers: number | null;
  readonly unhandledFreeSessions: number | null;
  readonly unhandledFreeUsers: number | null;
  /** share of all sessions of the project (same environments and window) that were this release's */
  readonly sessionsAdoption: number | null;
  readonly usersAdoption: number | null;
}

/**
 * The health of one release in one project over a window: what the release-health check, the
 * metric alerts and the UI ask for. Stable signature (docs/release-health.md › For other modules).
 */
export async function readReleaseHealth(store: Store, q: ReleaseHealthQuery): Promise<ReleaseHealth> {
  const base = { projectIds: [q.projectId], start: q.start, end: q.end, intervalMs: q.end - q.start, groupBy: [] as const };
  const scoped = q.environments === undefined ? base : { ...base, environments: q.environments };
  const [mine] = await store.releaseHealth.stats({ ...scoped, releases: [q.release] });
  const [all] = await store.releaseHealth.stats(scoped);
  const v = healthValues(mine?.totals ?? emptyStats());
  const total = healthValues(all?.totals ?? emptyStats());
  return {
    sessions: v.sessions,
    users: v.users,
    crashedSessions: v.crashed,
    unhandledSessions: v.unhandled,
    abnormalSessions: v.abnormal,
    erroredSessions: v.errored,
    healthySessions: v.healthy,
    crashedUsers: v.crashedUsers,
    unhandledUsers: v.unhandledUsers,
    crashFreeSessions: rates.crashFreeRate(v),
    crashFreeUsers: rates.crashFreeUserRate(v),
    unhandledFreeSessions: rates.unhandledFreeRate(v),
    unhandledFreeUsers: rates.unhandledFreeUserRate(v),
    sessionsAdoption: v.sessions === 0 ? null : fraction(v.sessions, total.sessions),
    usersAdoption: v.users === 0 ? null : fraction(v.users, total.users),
  };
}
