import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DICTIONARY_SERVES_MS } from '../events/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';

/** Rows per DELETE: small enough that no statement holds the write lock for long. */
export const RETENTION_DELETE_BATCH = 5_000;
/** Hourly on the leased schedule; the lease lasts the period, so a long run is not started twice. */
export const RETENTION = { task: 'retention.delete-old-events', everyMs: 3_600_000 } as const;
export const MAX_RETENTION_DAYS = 36_500;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

export type RetentionDaysResult = { readonly ok: true; readonly days: number | null } | { readonly ok: false; readonly reason: string };

/** Validates the project setting `retentionDays` (absent/null = the server default). */
export function parseRetentionDays(value: unknown): RetentionDaysResult {
  if (value === undefined || value === null) return { ok: true, days: null };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RETENTION_DAYS) {
    return { ok: false, reason: `retentionDays must be a whole number of days between 1 and ${MAX_RETENTION_DAYS}` };
  }
  return { ok: true, days: value };
}

export interface RetentionRun {
  readonly events: number;
  readonly parkedItems: number;
  /** cron check-ins */
  readonly checkIns: number;
}

export interface RetentionJob {
  /** One run (joined if one is in progress); `signal` ends it after its current statement. */
  runOnce(signal?: AbortSignal): Promise<RetentionRun>;
}

/**
 * Deletes events and parked items older than the retention period (per project: setting
 * `retentionDays`, else FAULTLINE_RETENTION_DAYS), a few thousand rows per statement, release
 * health's hourly rows of the same age, and cron check-ins (but each monitor environment's
 * latest) and resolved incidents. Issue
 * counters are never decremented: an issue keeps its counts after its events are gone.
 */
export function createRetentionJob(deps: { store: Store; clock: Clock; logger: Logger; defaultDays: number }): RetentionJob {
  const { store, logger } = deps;
  let running: Promise<RetentionRun> | null = null;

  async function deleteAll(remove: (limit: number) => Promise<number>, signal: AbortSignal | undefined): Promise<number> {
    let total = 0;
    while (signal?.aborted !== true) {
      const n = await remove(RETENTION_DELETE_BATCH);
      total += n;
      if (n < RETENTION_DELETE_BATCH) break;
      // Let the worker's transactions in between batches.
      await yieldToLoop();
    }
    return total;
  }

  async function run(signal: AbortSignal | undefined): Promise<RetentionRun> {
    const now = deps.clock.now();
    let events = 0;
    let parkedItems = 0;
    let checkIns = 0;
    for (const project of await store.projects.allSettings()) {
      const setting = parseRetentionDays(project.settings.retentionDays);
      if (!setting.ok) logger.warn({ projectId: project.id, reason: setting.reason }, 'invalid retentionDays; using the default');
      const days = (setting.ok ? setting.days : null) ?? deps.defaultDays;
      const cutoff = now - days * dayMs;
      events += await deleteAll((limit) => store.events.deleteReceivedBefore(project.id, cutoff, limit), signal);
      parkedItems += await deleteAll((limit) => store.parkedItems.deleteReceivedBefore(project.id, cutoff, limit), signal);
      // Release health keeps its hourly rows as long as events (docs/release-health.md › Storage): hours that ended before the cutoff go.
      await store.releaseHealth.deleteBefore(project.id, cutoff - hourMs);
      // Crons keep check-ins as long as events, and each monitor environment's latest (docs/crons.md › Retention).
      checkIns += await deleteAll((limit) => store.monitorCheckIns.deleteBefore(project.id, cutoff, limit), signal);
      await store.monitorCheckIns.deleteIncidentsResolvedBefore(project.id, cutoff);
      // User feedback: reports and feedback attachments are kept as long as events (docs/feedback.md › Limits and decisions).
      await deleteAll((limit) => store.userReports.deleteBefore(project.id, cutoff, limit), signal);
      await deleteAll((limit) => store.eventAttachments.deleteBefore(project.id, cutoff, limit), signal);
      // A run cut short may have left old events behind: their dictionaries must stay.
      if (signal?.aborted === true) break;
      // Every event compressed against a dictionary arrived before it was a day old: one more day of margin.
      await store.eventDictionaries.deleteCreatedBefore(project.id, cutoff - 2 * DICTIONARY_SERVES_MS);
    }
    if (events + parkedItems + checkIns > 0) logger.info({ events, parkedItems, checkIns }, 'retention deleted old events');
    return { events, parkedItems, checkIns };
  }

  return {
    runOnce(signal) {
      running ??= run(signal).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
