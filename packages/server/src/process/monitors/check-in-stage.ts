import { parseJsonPayload } from '@faultline/protocol';
import type { QueueItem } from '../../jobs/index.js';
import { randomHex } from '../../kernel/index.js';
import {
  MONITOR_CAP_PER_PROJECT,
  MONITOR_DEFAULTS,
  type MonitorRecord,
  monitorConfigJson,
  NIL_CHECK_IN_ID,
  nextExpected,
  type ParsedCheckIn,
  parseCheckIn,
} from '../../monitors/index.js';
import type { OutcomeCounts } from '../../outcomes/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import { applyMonitorResult, type MonitorFailure } from './monitor-results.js';

/** New check-ins one monitor environment may start per minute; more are rate limited (Sentry's HTTP API allows 5). */
export const CHECK_INS_PER_MINUTE = 10;

export interface PreparedCheckIn {
  readonly item: QueueItem;
  readonly checkIn: ParsedCheckIn;
}

export function isCheckInItem(item: QueueItem): boolean {
  return item.type === 'check_in';
}

/** Outside the transaction: parse each item; an invalid one gets its outcome with the parser's reason. */
export function prepareCheckIns(items: readonly QueueItem[], outcomes: OutcomeCounts): PreparedCheckIn[] {
  const out: PreparedCheckIn[] = [];
  for (const item of items) {
    const payload = parseJsonPayload(item.payload);
    const parsed = payload.ok ? parseCheckIn(payload.value) : { ok: false as const, reason: 'invalid_json' };
    if (!parsed.ok) outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: parsed.reason });
    else out.push({ item, checkIn: parsed.checkIn });
  }
  return out;
}

/**
 * In the batch's transaction, in arrival order: upsert the monitor from `monitor_config`,
 * pair the check-in with its open one by `check_in_id` (the nil id: the latest in_progress),
 * move the environment's expected time, and apply the result to its incidents (Sentry's
 * semantics: https://docs.sentry.io/product/crons/job-monitoring/). Returns the failures that
 * become cron issue events. Every item gets exactly one outcome.
 */
export async function applyCheckIns(
  store: Store,
  trx: StoreExecutor,
  prepared: readonly PreparedCheckIn[],
  outcomes: OutcomeCounts,
): Promise<MonitorFailure[]> {
  const failures: MonitorFailure[] = [];
  for (const { item, checkIn } of prepared) {
    const verdict = await applyOne(store, trx, item, checkIn, failures);
    outcomes.item(item.projectId, item.receivedAt, item, verdict === 'accepted' ? { outcome: 'accepted' } : verdict);
  }
  return failures;
}

type Verdict = 'accepted' | { outcome: 'invalid' | 'rate_limited' | 'filtered'; reason: string };

async function applyOne(store: Store, trx: StoreExecutor, item: QueueItem, c: ParsedCheckIn, failures: MonitorFailure[]): Promise<Verdict> {
  const now = item.receivedAt;
  const monitor = await upsertMonitor(store, trx, item.projectId, c);
  if (typeof monitor === 'string') return { outcome: 'invalid', reason: monitor };
  if (monitor.status === 'disabled') return { outcome: 'filtered', reason: 'monitor_disabled' };
  const env = await store.monitors.ensureEnvironment(trx, monitor.id, c.environment);
  const snapshot = monitorConfigJson(monitor.config);
  const maxRuntimeMs = (monitor.config.maxRuntime ?? MONITOR_DEFAULTS.maxRuntime) * 60_000;
  const existing =
    c.checkInId === NIL_CHECK_IN_ID
      ? await store.monitorCheckIns.latestInProgress(trx, env.id)
      : await store.monitorCheckIns.byGuid(trx, monitor.id, c.checkInId);
  if (existing !== undefined && existing.environmentId === env.id) {
    // A late closing check-in for a timed-out run, or a repeat of a finished one, changes nothing.
    if (existing.status !== 'in_progress') return { outcome: 'filtered', reason: 'check_in_closed' };
    if (c.status === 'in_progress') {
      await store.monitorCheckIns.update(trx, existing.id, { dateUpdated: now, timeoutAt: now + maxRuntimeMs });
      return 'accepted';
    }
    const durationMs = c.durationMs ?? Math.max(0, now - existing.dateCreated);
    await store.monitorCheckIns.update(trx, existing.id, {
      status: c.status,
      durationMs,
      dateUpdated: now,
      timeoutAt: null,
      ...(c.traceId ? { traceId: c.traceId } : {}),
    });
    await store.monitors.updateEnvironment(trx, env.id, { lastCheckIn: now });
    const closed = await store.monitorCheckIns.byId(trx, existing.id);
    if (closed !== undefined) failures.push(...(await applyMonitorResult(store, trx, monitor, env, closed, now)));
    return 'accepted';
  }
  // A new run: bounded per minute, so a loop sending check-ins cannot flood the table.
  if ((await store.monitorCheckIns.receivedSince(trx, env.id, now - 60_000)) >= CHECK_INS_PER_MINUTE)
    return { outcome: 'rate_limited', reason: 'monitor_rate_limited' };
  const guid = c.checkInId === NIL_CHECK_IN_ID ? randomHex(16) : c.checkInId;
  const inserted = await store.monitorCheckIns.insert(trx, {
    guid,
    projectId: monitor.projectId,
    monitorId: monitor.id,
    environmentId: env.id,
    status: c.status,
    durationMs: c.status === 'in_progress' ? null : c.durationMs,
    dateCreated: now,
    dateInProgress: c.status === 'in_progress' ? now : null,
    dateClock: now,
    expectedTime: env.nextCheckIn,
    timeoutAt: c.status === 'in_progress' ? now + maxRuntimeMs : null,
    traceId: c.traceId,
    release: c.release,
    monitorConfig: snapshot,
  });
  // The schedule moves on from this user check-in (Sentry: crontab → the next tick, interval → now + interval).
  const next = nextExpected(monitor.config.schedule, monitor.config.timezone, now);
  const margin = (monitor.config.checkinMargin ?? MONITOR_DEFAULTS.checkinMargin) * 60_000;
  await store.monitors.updateEnvironment(trx, env.id, {
    lastCheckIn: now,
    nextCheckIn: next,
    nextCheckInLatest: next >= Number.MAX_SAFE_INTEGER - margin ? null : next + margin,
  });
  if (c.status !== 'in_progress') failures.push(...(await applyMonitorResult(store, trx, monitor, env, inserted, now)));
  return 'accepted';
}

/** The monitor a check-in names, created or updated from its `monitor_config`; a string is the reason it was dropped. */
async function upsertMonitor(store: Store, trx: StoreExecutor, projectId: number, c: ParsedCheckIn): Promise<MonitorRecord | string> {
  const found = await store.monitors.bySlugInProject(trx, projectId, c.slug);
  if (found !== undefined) {
    if (found.projectId !== projectId) return 'monitor_in_other_project';
    if (c.config === null || sameConfig(found, c)) return found;
    return (await store.monitors.update(found.orgId, found.id, { config: { ...c.config, owner: c.config.owner ?? found.config.owner } }, trx)) ?? found;
  }
  if (c.config === null) return 'monitor_not_found';
  if ((await store.monitors.countInProject(projectId, trx)) >= MONITOR_CAP_PER_PROJECT) return 'monitor_limit';
  const orgId = await store.monitors.orgIdOfProject(trx, projectId);
  if (orgId === undefined) return 'project_missing';
  return store.monitors.create({ orgId, projectId, slug: c.slug, name: c.slug, config: c.config }, trx);
}

function sameConfig(m: MonitorRecord, c: ParsedCheckIn): boolean {
  return c.config !== null && JSON.stringify(monitorConfigJson(m.config)) === JSON.stringify(monitorConfigJson(c.config));
}
