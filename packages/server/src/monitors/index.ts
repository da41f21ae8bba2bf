/**
 * monitors — crons (issue #17; user guide docs/crons.md). Owns monitors (one per organization
 * and slug, living in one project), their per-environment state (status, next expected
 * check-in), check-ins and incidents (`store/`); the rules of slugs, configs and schedules
 * (crontab in a time zone via croner, or interval). Must not import process/: the pipeline's
 * check-in stage and the missed/timeout sweep (`process/monitors/`) call in here, and the cron
 * issues they open go through the pipeline's persist like any issue.
 *
 * For other modules (stable):
 *   store.monitors
 *     create(NewMonitor, trx?) → MonitorRecord          caller checks slug free + countInProject cap
 *     update(orgId, id, MonitorPatch, trx?) → MonitorRecord | undefined
 *     remove(orgId, slug) → boolean                    cascades to environments, check-ins, incidents
 *     get(orgId, slug) / getByGuid(orgId, guid) → MonitorRecord | undefined
 *     list(orgId, { projectIds? }) → MonitorRecord[]    ordered by slug; the API sorts and pages
 *     countInProject(projectId) → number               against MONITOR_CAP_PER_PROJECT
 *     environments(monitorIds, names?) → MonitorEnvironmentRecord[]
 *     setEnvironmentMuted(orgId, slug, env, muted) / removeEnvironment(orgId, slug, env) → boolean
 *   store.monitorCheckIns
 *     list({ monitorId, environments?, start?, end?, limit, offset? }) → CheckInRecord[]  newest first
 *     stats({ monitorId, environments?, since, until, resolutionMs }) → CheckInStatsBucket[]
 *     activeIncidents(environmentIds) / incidents(monitorId, limit) → IncidentRecord[]
 *     deleteBefore(projectId, cutoff, limit) → number     retention; keeps each environment's latest
 *     deleteIncidentsResolvedBefore(projectId, cutoff) → number
 *   parseMonitorConfig(json) → { ok, config } | { ok: false, field, reason }   (API `config` and SDK `monitor_config`)
 *   mergeMonitorConfig(existing, json) → same, for PUT (keys merge into the existing config)
 *   validateSlug(value) → { ok, slug } | { ok: false, reason }
 *   monitorConfigJson(config) → Sentry's `config` object; nextExpected(schedule, tz, after) → ms
 */

export { type CheckInParse, NIL_CHECK_IN_ID, type ParsedCheckIn, parseCheckIn } from './check-in-parser.js';
export { MONITOR_CAP_PER_PROJECT } from './monitor-cap.js';
export {
  isKnownTimezone,
  MONITOR_DEFAULTS,
  MONITOR_LIMITS,
  type MonitorConfig,
  mergeMonitorConfig,
  monitorConfigJson,
  parseMonitorConfig,
} from './monitor-config.js';
export { type IntervalUnit, latestExpectedAtOrBefore, nextExpected, parseSchedule, type Schedule } from './monitor-schedule.js';
export { MAX_SLUG_LENGTH, slugifyMonitorSlug, validateSlug } from './monitor-slug.js';
export { type MonitorsApiDeps, registerMonitorsApi } from './routes/index.js';
export type { CheckInListQuery, CheckInPatch, CheckInRepo, CheckInStatsBucket, CheckInStatsQuery, NewCheckIn } from './store/check-in-repo.js';
export type { CheckInRecord, CheckInStatus, IncidentRecord, MonitorEnvironmentRecord, MonitorRecord } from './store/monitor-records.js';
export type { EnvironmentPatch, MonitorListFilter, MonitorPatch, MonitorRepo, NewMonitor } from './store/monitor-repo.js';
export { monitorRepositories } from './store/repositories.js';
