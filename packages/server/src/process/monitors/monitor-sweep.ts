import { type Clock, type Logger, randomHex } from '../../kernel/index.js';
import { latestExpectedAtOrBefore, MONITOR_DEFAULTS, monitorConfigJson, nextExpected } from '../../monitors/index.js';
import type { Store } from '../../store/index.js';
import { createEventDictionaries, persistEvents, stageEvents } from '../persist/index.js';
import { createPostProcess, type PostProcessHook, recordPendingBatch } from '../post-process/index.js';
import { cronIssueEvents } from './cron-issue-events.js';
import { applyMonitorResult, type MonitorFailure } from './monitor-results.js';

/** Sentry's clock ticks every minute; so does this sweep (on jobs/' leased scheduler). */
export const MONITOR_SWEEP = { task: 'monitors.missed-and-timeouts', everyMs: 60_000 } as const;

/** Environments and timeouts per transaction: a long downtime is caught up in several short ones. */
const chunk = 200;

export interface MonitorSweepDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** the post-process hooks (alerting): cron issues alert like any issue */
  hooks: readonly PostProcessHook[];
}

/**
 * Missed and timed-out runs (Sentry: https://docs.sentry.io/product/crons/job-monitoring/).
 * Missed: an environment whose `next_checkin_latest` has passed gets one synthetic `missed`
 * check-in at its expected time, and its schedule resumes from the latest expected tick up to
 * now, so a long downtime yields one missed check-in per environment, not a flood. Timeout: an
 * `in_progress` check-in past its `timeout_at` becomes `timeout`. Both count as failures
 * towards incidents; cron issue events are persisted in the same transaction and their
 * post-process is recorded there, so a crash after the commit still alerts. All state is in
 * the database: a restart neither repeats (the environment has moved on) nor skips a run.
 */
export function createMonitorSweep(deps: MonitorSweepDeps) {
  const { store, clock, logger } = deps;
  const dictionaries = createEventDictionaries(store);
  const postProcess = createPostProcess({ store, hooks: deps.hooks, logger });
  return {
    /** Returns how many check-ins were marked missed and timed out. */
    async run(signal?: AbortSignal): Promise<{ missed: number; timeouts: number }> {
      const totals = { missed: 0, timeouts: 0 };
      for (;;) {
        if (signal?.aborted) break;
        const now = clock.now();
        const step = await store.db.transaction().execute(async (trx) => {
          const failures: MonitorFailure[] = [];
          const due = await store.monitors.dueEnvironments(trx, now, chunk);
          for (const env of due) {
            const monitor = await store.monitors.byId(trx, env.monitorId);
            if (monitor === undefined || env.nextCheckIn === null) continue;
            const { schedule, timezone } = monitor.config;
            const missed = await store.monitorCheckIns.insert(trx, {
              guid: randomHex(16),
              projectId: monitor.projectId,
              monitorId: monitor.id,
              environmentId: env.id,
              status: 'missed',
              durationMs: null,
              dateCreated: env.nextCheckIn,
              dateInProgress: null,
              dateClock: null,
              expectedTime: env.nextCheckIn,
              timeoutAt: null,
              traceId: null,
              release: null,
              monitorConfig: monitorConfigJson(monitor.config),
            });
            const resume = Math.max(env.nextCheckIn, latestExpectedAtOrBefore(schedule, timezone, env.nextCheckIn, now));
            const next = nextExpected(schedule, timezone, resume);
            const margin = (monitor.config.checkinMargin ?? MONITOR_DEFAULTS.checkinMargin) * 60_000;
            await store.monitors.updateEnvironment(trx, env.id, {
              nextCheckIn: next,
              nextCheckInLatest: next >= Number.MAX_SAFE_INTEGER - margin ? null : next + margin,
            });
            failures.push(...(await applyMonitorResult(store, trx, monitor, env, missed, now)));
          }
          const timeouts = await store.monitorCheckIns.dueTimeouts(trx, now, chunk);
          for (const c of timeouts) {
            const monitor = await store.monitors.byId(trx, c.monitorId);
            const env = (await store.monitors.environments([c.monitorId], [c.environment], trx))[0];
            await store.monitorCheckIns.update(trx, c.id, { status: 'timeout', dateUpdated: now, timeoutAt: null });
            if (monitor === undefined || env === undefined) continue;
            // A newer finished run already decided the environment's state (Sentry's rule).
            const newest = (await store.monitorCheckIns.recentTerminal(trx, env.id, 1))[0];
            if (newest !== undefined && newest.id !== c.id && newest.dateCreated > c.dateCreated) continue;
            const timedOut = await store.monitorCheckIns.byId(trx, c.id);
            if (timedOut !== undefined) failures.push(...(await applyMonitorResult(store, trx, monitor, env, timedOut, now)));
          }
          const events = await cronIssueEvents(trx, failures, now);
          const staged = await stageEvents({ dictionaries, reader: trx, now }, events);
          const persisted = await persistEvents({ store, now }, trx, staged);
          const batch = persisted.summaries.length === 0 ? null : await recordPendingBatch(store, trx, now, persisted.summaries);
          return { missed: due.length, timeouts: timeouts.length, batch, more: due.length === chunk || timeouts.length === chunk };
        });
        totals.missed += step.missed;
        totals.timeouts += step.timeouts;
        if (step.batch !== null) await postProcess(step.batch);
        if (!step.more) break;
      }
      if (totals.missed + totals.timeouts > 0) logger.info(totals, 'cron monitors: missed and timed-out runs marked');
      return totals;
    },
  };
}

export type MonitorSweep = ReturnType<typeof createMonitorSweep>;
