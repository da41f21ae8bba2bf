import { createHash } from 'node:crypto';
import type { CheckInRecord, IncidentRecord, MonitorEnvironmentRecord, MonitorRecord } from '../../monitors/index.js';
import { MONITOR_DEFAULTS } from '../../monitors/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';

/** A failing check-in that belongs to an open incident: becomes one event of the incident's cron issue. */
export interface MonitorFailure {
  readonly monitor: MonitorRecord;
  readonly environment: MonitorEnvironmentRecord;
  readonly checkIn: CheckInRecord;
  readonly incident: IncidentRecord;
  readonly lastOk: CheckInRecord | undefined;
}

const FAILED = new Set(['error', 'missed', 'timeout']);

/**
 * What one finished check-in does to its environment, following Sentry's incident rules
 * (https://docs.sentry.io/product/crons/job-monitoring/#failure-and-recovery-tolerance):
 * `failure_issue_threshold` consecutive failures open an incident (starting at the oldest of
 * them) and every failure while it is open is an occurrence of its issue, unless the monitor or
 * environment is muted; `recovery_threshold` consecutive successes resolve it and its issue.
 * The check-in is already written, so the recent ones read here include it.
 */
export async function applyMonitorResult(
  store: Store,
  trx: StoreExecutor,
  monitor: MonitorRecord,
  env: MonitorEnvironmentRecord,
  checkIn: CheckInRecord,
  now: number,
): Promise<MonitorFailure[]> {
  const muted = monitor.isMuted || env.isMuted;
  if (checkIn.status === 'ok') {
    if (env.status !== 'error') {
      await store.monitors.updateEnvironment(trx, env.id, { status: 'ok' });
      return [];
    }
    const m = monitor.config.recoveryThreshold ?? MONITOR_DEFAULTS.recoveryThreshold;
    const recent = await store.monitorCheckIns.recentTerminal(trx, env.id, m);
    if (recent.length < m || recent.some((c) => c.status !== 'ok')) return [];
    const incident = await store.monitorCheckIns.activeIncident(trx, env.id);
    if (incident !== undefined) {
      await store.monitorCheckIns.resolveIncident(trx, incident.id, checkIn.id, now);
      await resolveCronIssue(store, trx, monitor.projectId, incident.grouphash, now);
    }
    await store.monitors.updateEnvironment(trx, env.id, { status: 'ok' });
    return [];
  }
  if (!FAILED.has(checkIn.status)) return [];
  const lastOk = await store.monitorCheckIns.lastOk(trx, env.id);
  if (env.status === 'error') {
    const incident = await store.monitorCheckIns.activeIncident(trx, env.id);
    if (incident !== undefined) return muted ? [] : [{ monitor, environment: env, checkIn, incident, lastOk }];
  }
  const n = monitor.config.failureIssueThreshold ?? MONITOR_DEFAULTS.failureIssueThreshold;
  const recent = await store.monitorCheckIns.recentTerminal(trx, env.id, n);
  if (recent.length < n || recent.some((c) => c.status === 'ok')) return [];
  const oldest = recent[recent.length - 1] ?? checkIn;
  const grouphash = createHash('md5').update(`monitor-incident:${monitor.guid}:${env.id}:${oldest.id}`).digest('hex');
  const incident = await store.monitorCheckIns.openIncident(trx, {
    monitorId: monitor.id,
    environmentId: env.id,
    grouphash,
    startingCheckInId: oldest.id,
    startingAt: oldest.dateCreated,
  });
  await store.monitors.updateEnvironment(trx, env.id, { status: 'error' });
  if (muted) return [];
  // Oldest first, so the issue's latest event is this check-in.
  return [...recent].reverse().map((c) => ({ monitor, environment: env, checkIn: c, incident, lastOk }));
}

/** Resolves the incident's issue (found by its grouping hash) with a `set_resolved` activity naming the recovery. */
async function resolveCronIssue(store: Store, trx: StoreExecutor, projectId: number, grouphash: string, now: number): Promise<void> {
  const hash = await trx.selectFrom('issue_hashes').select('issue_id').where('project_id', '=', projectId).where('hash', '=', grouphash).executeTakeFirst();
  if (hash === undefined) return;
  const r = await trx
    .updateTable('issues')
    .set({ status: 'resolved', substatus: null, resolution: 'now', resolved_at: now })
    .where('id', '=', hash.issue_id)
    .where('status', '!=', 'resolved')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return;
  await store.issueCounters.addActivity(trx, [
    { issueId: hash.issue_id, type: 'set_resolved', data: JSON.stringify({ reason: 'monitor_recovered' }), userId: null, createdAt: now },
  ]);
}
