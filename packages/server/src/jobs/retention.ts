import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DICTIONARY_SERVES_MS } from '../events/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';

/** Rows per DELETE: small enough that no statement holds the write lock for long. */
export const RETENTION_DELETE_BATCH = 5_000;
export const RETENTION_INTERVAL_MS = 3_600_000;
export const MAX_RETENTION_DAYS = 36_500;
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
}

export interface RetentionJob {
  /** Runs now, then every interval, in the background. */
  start(): void;
  /** Stops the timer and waits for a run in progress to finish its current statement. */
  stop(): Promise<void>;
  runOnce(): Promise<RetentionRun>;
}

/**
 * Deletes events and parked items older than the retention period (per project: setting
 * `retentionDays`, else FAULTLINE_RETENTION_DAYS), a few thousand rows per statement. Issue
 * counters are never decremented: an issue keeps its counts after its events are gone.
 */
export function createRetentionJob(deps: { store: Store; clock: Clock; logger: Logger; defaultDays: number; intervalMs?: number }): RetentionJob {
  const { store, logger } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<RetentionRun> | null = null;
  let stopping = false;

  async function deleteAll(remove: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    while (!stopping) {
      const n = await remove(RETENTION_DELETE_BATCH);
      total += n;
      if (n < RETENTION_DELETE_BATCH) break;
      // Let the worker's transactions in between batches.
      await yieldToLoop();
    }
    return total;
  }

  async function run(): Promise<RetentionRun> {
    const now = deps.clock.now();
    let events = 0;
    let parkedItems = 0;
    for (const project of await store.projects.allSettings()) {
      const setting = parseRetentionDays(project.settings.retentionDays);
      if (!setting.ok) logger.warn({ projectId: project.id, reason: setting.reason }, 'invalid retentionDays; using the default');
      const days = (setting.ok ? setting.days : null) ?? deps.defaultDays;
      const cutoff = now - days * dayMs;
      events += await deleteAll((limit) => store.events.deleteReceivedBefore(project.id, cutoff, limit));
      parkedItems += await deleteAll((limit) => store.parkedItems.deleteReceivedBefore(project.id, cutoff, limit));
      // Every event compressed against a dictionary arrived before it was a day old: one more day of margin.
      await store.eventDictionaries.deleteCreatedBefore(project.id, cutoff - 2 * DICTIONARY_SERVES_MS);
    }
    if (events + parkedItems > 0) logger.info({ events, parkedItems }, 'retention deleted old events');
    return { events, parkedItems };
  }

  function runOnce(): Promise<RetentionRun> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  function tick(): void {
    runOnce().catch((err: unknown) => logger.error({ err }, 'retention run failed'));
  }

  return {
    start() {
      if (timer) return;
      stopping = false;
      tick();
      timer = setInterval(tick, deps.intervalMs ?? RETENTION_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
    runOnce,
  };
}
