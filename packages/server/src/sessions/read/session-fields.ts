import { durationStat, type HealthValues, healthValues, rates } from '../health-formulas.js';
import type { SessionStats } from '../store/session-stats-query.js';

/**
 * The values `/sessions/` and `/metrics/data/` can return, each computed from one slot's (or the
 * totals') merged stats, per Sentry's definitions (docs/release-health.md › Formulas; API:
 * https://docs.sentry.io/api/releases/retrieve-release-health-session-statistics/).
 */

/** The groups `groupBy=session.status` always yields, zero-filled (Sentry's four). */
export const STATUS_GROUPS = ['healthy', 'errored', 'crashed', 'abnormal'] as const;
/** Also accepted in `query=session.status:…` (browser SDK 11's status). */
export const STATUS_FILTERS = [...STATUS_GROUPS, 'unhandled'] as const;
export type StatusName = (typeof STATUS_FILTERS)[number];

export type FieldKind = 'count' | 'rate' | 'duration';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** rates and derived counts cannot be split or filtered by session.status */
  readonly statusAware: boolean;
  value(stats: SessionStats, status: StatusName | null): number | null;
}

function sessionsOf(v: HealthValues, status: StatusName | null): number {
  switch (status) {
    case null:
      return v.sessions;
    case 'healthy':
      return v.healthy;
    case 'errored':
      return v.errored;
    case 'crashed':
      return v.crashed;
    case 'abnormal':
      return v.abnormal;
    case 'unhandled':
      return v.unhandled;
  }
}

function usersOf(v: HealthValues, status: StatusName | null): number {
  switch (status) {
    case null:
      return v.users;
    case 'healthy':
      return v.healthyUsers;
    case 'errored':
      return v.erroredUsers;
    case 'crashed':
      return v.crashedUsers;
    case 'abnormal':
      return v.abnormalUsers;
    case 'unhandled':
      return v.unhandledUsers;
  }
}

const count = (of: (v: HealthValues, status: StatusName | null) => number): FieldSpec => ({
  kind: 'count',
  statusAware: true,
  value: (s, status) => of(healthValues(s), status),
});

const fixed = (kind: FieldKind, of: (v: HealthValues) => number | null): FieldSpec => ({
  kind,
  statusAware: false,
  value: (s) => of(healthValues(s)),
});

/** Durations live only in the healthy group (exited sessions); ms in the API, seconds stored. */
const duration = (stat: 'avg' | 'max' | number): FieldSpec => ({
  kind: 'duration',
  statusAware: true,
  value: (s, status) => {
    if (status !== null && status !== 'healthy') return null;
    const seconds = durationStat(s, stat);
    return seconds === null ? null : seconds * 1000;
  },
});

export const FIELD_SPECS = {
  sessions: count(sessionsOf),
  users: count(usersOf),
  crashed: fixed('count', (v) => v.crashed),
  errored: fixed('count', (v) => v.errored),
  abnormal: fixed('count', (v) => v.abnormal),
  unhandled: fixed('count', (v) => v.unhandled),
  healthy: fixed('count', (v) => v.healthy),
  crashedUsers: fixed('count', (v) => v.crashedUsers),
  erroredUsers: fixed('count', (v) => v.erroredUsers),
  abnormalUsers: fixed('count', (v) => v.abnormalUsers),
  unhandledUsers: fixed('count', (v) => v.unhandledUsers),
  healthyUsers: fixed('count', (v) => v.healthyUsers),
  crashRate: fixed('rate', rates.crashRate),
  crashFreeRate: fixed('rate', rates.crashFreeRate),
  crashUserRate: fixed('rate', rates.crashUserRate),
  crashFreeUserRate: fixed('rate', rates.crashFreeUserRate),
  unhandledRate: fixed('rate', rates.unhandledRate),
  unhandledFreeRate: fixed('rate', rates.unhandledFreeRate),
  unhandledUserRate: fixed('rate', rates.unhandledUserRate),
  unhandledFreeUserRate: fixed('rate', rates.unhandledFreeUserRate),
  anrRate: fixed('rate', rates.anrRate),
  foregroundAnrRate: fixed('rate', rates.foregroundAnrRate),
  durationAvg: duration('avg'),
  durationMax: duration('max'),
  durationP50: duration(0.5),
  durationP75: duration(0.75),
  durationP90: duration(0.9),
  durationP95: duration(0.95),
  durationP99: duration(0.99),
} satisfies Record<string, FieldSpec>;

export type FieldId = keyof typeof FIELD_SPECS;

/** `/organizations/{org}/sessions/` field spellings (Sentry's), plus the unhandled family. */
export const SESSIONS_API_FIELDS: Readonly<Record<string, FieldId>> = {
  'sum(session)': 'sessions',
  'count_unique(user)': 'users',
  'avg(session.duration)': 'durationAvg',
  'max(session.duration)': 'durationMax',
  'p50(session.duration)': 'durationP50',
  'p75(session.duration)': 'durationP75',
  'p90(session.duration)': 'durationP90',
  'p95(session.duration)': 'durationP95',
  'p99(session.duration)': 'durationP99',
  'crash_rate(session)': 'crashRate',
  'crash_rate(user)': 'crashUserRate',
  'crash_free_rate(session)': 'crashFreeRate',
  'crash_free_rate(user)': 'crashFreeUserRate',
  'unhandled_rate(session)': 'unhandledRate',
  'unhandled_rate(user)': 'unhandledUserRate',
  'unhandled_free_rate(session)': 'unhandledFreeRate',
  'unhandled_free_rate(user)': 'unhandledFreeUserRate',
  'anr_rate()': 'anrRate',
  'foreground_anr_rate()': 'foregroundAnrRate',
  'count_crashed(session)': 'crashed',
  'count_crashed(user)': 'crashedUsers',
  'count_errored(session)': 'errored',
  'count_errored(user)': 'erroredUsers',
  'count_abnormal(session)': 'abnormal',
  'count_abnormal(user)': 'abnormalUsers',
  'count_unhandled(session)': 'unhandled',
  'count_unhandled(user)': 'unhandledUsers',
  'count_healthy(session)': 'healthy',
  'count_healthy(user)': 'healthyUsers',
};

/** `/organizations/{org}/metrics/data/` public metric names Grafana's data source offers, and cheap extras. */
export const METRICS_API_FIELDS: Readonly<Record<string, FieldId>> = {
  'session.all': 'sessions',
  'session.all_user': 'users',
  'count_unique(sentry.sessions.user)': 'users',
  'sum(sentry.sessions.session)': 'sessions',
  'session.crashed': 'crashed',
  'session.abnormal': 'abnormal',
  'session.errored': 'errored',
  'session.healthy': 'healthy',
  'session.unhandled': 'unhandled',
  'session.crashed_user': 'crashedUsers',
  'session.abnormal_user': 'abnormalUsers',
  'session.errored_user': 'erroredUsers',
  'session.healthy_user': 'healthyUsers',
  'session.unhandled_user': 'unhandledUsers',
  'session.crash_rate': 'crashRate',
  'session.crash_user_rate': 'crashUserRate',
  'session.crash_free_rate': 'crashFreeRate',
  'session.crash_free_user_rate': 'crashFreeUserRate',
  'session.crash_free': 'crashFreeRate',
  'session.crash_free_user': 'crashFreeUserRate',
  'session.unhandled_rate': 'unhandledRate',
  'session.unhandled_user_rate': 'unhandledUserRate',
  'session.unhandled_free_rate': 'unhandledFreeRate',
  'session.unhandled_free_user_rate': 'unhandledFreeUserRate',
  'session.anr_rate': 'anrRate',
  'session.foreground_anr_rate': 'foregroundAnrRate',
  'p50(session.duration)': 'durationP50',
  'p75(session.duration)': 'durationP75',
  'p90(session.duration)': 'durationP90',
  'p95(session.duration)': 'durationP95',
  'p99(session.duration)': 'durationP99',
  'avg(session.duration)': 'durationAvg',
  'max(session.duration)': 'durationMax',
};
