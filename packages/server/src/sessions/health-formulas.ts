import { quantileOf } from '../performance/index.js';
import { SET_KIND } from './session-deltas.js';
import type { SessionStats } from './store/session-stats-query.js';

/**
 * Sentry's derived release-health values from merged counters and sets, exactly as defined in
 * docs/release-health.md › Formulas (Sentry's metrics-based release health,
 * https://docs.sentry.io/product/releases/health/#crash-free-sessions), plus the unhandled
 * family: a browser SDK 11 marks an uncaught error `unhandled`, never `crashed`, so a browser
 * release is always 100 % crash free and only unhandled-free moves.
 */
export interface HealthValues {
  readonly sessions: number;
  readonly crashed: number;
  readonly abnormal: number;
  readonly unhandled: number;
  /** errored including crashed, abnormal and unhandled */
  readonly erroredAll: number;
  /** errored but not fatal: max(0, errored_all − crashed − abnormal) */
  readonly errored: number;
  readonly healthy: number;
  readonly users: number;
  readonly crashedUsers: number;
  readonly abnormalUsers: number;
  readonly unhandledUsers: number;
  readonly erroredUsersAll: number;
  readonly erroredUsers: number;
  readonly healthyUsers: number;
  readonly anrUsers: number;
  readonly foregroundAnrUsers: number;
}

export function healthValues(s: SessionStats): HealthValues {
  const set = (kind: number) => s.sets[kind] ?? 0;
  const erroredAll = set(SET_KIND.erroredSession) + s.erroredPreaggr;
  const users = set(SET_KIND.user);
  const crashedUsers = set(SET_KIND.crashedUser);
  const abnormalUsers = set(SET_KIND.abnormalUser);
  const erroredUsersAll = set(SET_KIND.erroredUser);
  return {
    sessions: s.inits,
    crashed: s.crashed,
    abnormal: s.abnormal,
    unhandled: s.unhandled,
    erroredAll,
    errored: Math.max(0, erroredAll - s.crashed - s.abnormal),
    healthy: Math.max(0, s.inits - erroredAll),
    users,
    crashedUsers,
    abnormalUsers,
    unhandledUsers: set(SET_KIND.unhandledUser),
    erroredUsersAll,
    erroredUsers: Math.max(0, erroredUsersAll - crashedUsers - abnormalUsers),
    healthyUsers: Math.max(0, users - erroredUsersAll),
    anrUsers: set(SET_KIND.anrForegroundUser) + set(SET_KIND.anrBackgroundUser),
    foregroundAnrUsers: set(SET_KIND.anrForegroundUser),
  };
}

/** part / whole clamped to [0, 1], null when the whole is zero (never 1.0 for "no data"). */
export function fraction(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

export function complement(rate: number | null): number | null {
  return rate === null ? null : 1 - rate;
}

export const rates = {
  crashRate: (v: HealthValues) => fraction(v.crashed, v.sessions),
  crashFreeRate: (v: HealthValues) => complement(fraction(v.crashed, v.sessions)),
  crashUserRate: (v: HealthValues) => fraction(v.crashedUsers, v.users),
  crashFreeUserRate: (v: HealthValues) => complement(fraction(v.crashedUsers, v.users)),
  unhandledRate: (v: HealthValues) => fraction(v.unhandled, v.sessions),
  unhandledFreeRate: (v: HealthValues) => complement(fraction(v.unhandled, v.sessions)),
  unhandledUserRate: (v: HealthValues) => fraction(v.unhandledUsers, v.users),
  unhandledFreeUserRate: (v: HealthValues) => complement(fraction(v.unhandledUsers, v.users)),
  anrRate: (v: HealthValues) => fraction(v.anrUsers, v.users),
  foregroundAnrRate: (v: HealthValues) => fraction(v.foregroundAnrUsers, v.users),
};

/** Duration statistics of exited sessions, in seconds; null when none ended with a duration. */
export function durationStat(s: SessionStats, stat: 'avg' | 'max' | number): number | null {
  if (s.durationCount === 0) return null;
  if (stat === 'avg') return s.durationSum / s.durationCount;
  if (stat === 'max') return s.durationMax;
  return s.sketch === null ? null : quantileOf(s.sketch, stat);
}
