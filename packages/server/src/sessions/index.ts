/**
 * sessions — release health (issue #16; user guide docs/release-health.md). Owns the parsers of
 * `session` and `sessions` items and Relay's counting rules (session-parsers.ts,
 * session-deltas.ts), the hourly counter and distinct-set tables (`store/`), Sentry's derived
 * values (health-formulas.ts), the read models and routes of `/sessions/`, `/metrics/data/`
 * and the `healthData` of release JSON (`read/`, `routes/`). Must not import process/ (the
 * pipeline's session stage calls in here) nor releases/ (api/ hands releases the health
 * attachment built here). Raw session updates are never stored and never scanned on read.
 *
 * For other modules (stable):
 *   readReleaseHealth(store, { projectId, release, start, end, environments? }) → ReleaseHealth
 *     one release in one project over a window: totals, crash-free and unhandled-free rates
 *     (fractions 0..1, null without data), adoption.
 *   store.releaseHealth.stats({ projectIds, releases?, environments?, start, end, intervalMs, groupBy })
 *     merged counters and distinct sets per group and interval slot; healthValues() and
 *     rates turn one slot or the totals into Sentry's numbers.
 *   store.releaseHealth.foldClosedDays(now) — the hourly task SESSION_SET_FOLD (app.ts) packs the
 *     distinct sets of days no update can reach any more (store/session-set-days.ts).
 *   sessionMetricSources(store, releases) → the crash-free rate metric alerts (`alerts/`),
 *     registered with alert/ by app.ts, which hands in the release lookups.
 */
export {
  type HealthMetricInput,
  type HealthMetricSource,
  type HealthReleaseLookup,
  parseReleaseFilter,
  sessionMetricSources,
} from './alerts/health-metric-sources.js';
export { complement, durationStat, fraction, type HealthValues, healthValues, rates } from './health-formulas.js';
export {
  ADOPTION_THRESHOLD,
  type AttachReleaseHealth,
  createReleaseHealthData,
  type HealthReleaseJson,
  type ReleaseHealthScope,
} from './read/release-health-data.js';
export {
  createReleaseHealthOrder,
  createReleaseStages,
  type RankReleasesByHealth,
  type ReleaseHealthRank,
  type ReleaseHealthSort,
  type ReleaseStagesOf,
} from './read/release-health-order.js';
export { type ReleaseHealth, type ReleaseHealthQuery, readReleaseHealth } from './release-health.js';
export { registerSessionsApi, type SessionsApiDeps } from './routes/index.js';
export { SET_KIND, SessionDeltas, type SessionRows, sessionDigest } from './session-deltas.js';
export {
  parseSessionAggregates,
  parseSessionUpdate,
  SESSION_LIMITS,
  SESSION_STATUSES,
  type SessionAggregate,
  type SessionStatus,
  type SessionUpdate,
} from './session-parsers.js';
export { sessionRepositories } from './store/repositories.js';
export type { SessionRepo } from './store/session-repo.js';
export { SESSION_SET_FOLD } from './store/session-set-days.js';
export {
  emptyStats,
  type SessionFilter,
  type SessionGroupColumn,
  type SessionGroupKey,
  type SessionGroupStats,
  type SessionStats,
  type SessionStatsQuery,
} from './store/session-stats-query.js';
