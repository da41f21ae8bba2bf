import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';

/** Hourly on the leased schedule, like the other retention sweeps. */
export const REPLAY_RETENTION = { task: 'replays.retention', everyMs: 3_600_000 } as const;
const dayMs = 86_400_000;
const batchRows = 500;

export type ReplayRetentionDays = { readonly ok: true; readonly days: number | null } | { readonly ok: false; readonly reason: string };

/** The project setting `replayRetentionDays` (absent/null = FAULTLINE_REPLAY_RETENTION_DAYS). */
export function parseReplayRetentionDays(value: unknown): ReplayRetentionDays {
  if (value === undefined || value === null) return { ok: true, days: null };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 36_500) {
    return { ok: false, reason: 'replayRetentionDays must be a whole number of days between 1 and 36500' };
  }
  return { ok: true, days: value };
}

export interface ReplayRetention {
  /** Replays deleted; `signal` ends the run after its current batch. */
  runOnce(signal?: AbortSignal): Promise<number>;
}

/**
 * Deletes replays (row, segments, error links) that no segment, event or linked error has
 * touched for the retention period: 30 days by default, as Sentry keeps replays
 * (https://docs.sentry.io/product/explore/session-replay/), per project overridable.
 */
export function createReplayRetention(deps: { store: Store; clock: Clock; logger: Logger; defaultDays: number }): ReplayRetention {
  return {
    async runOnce(signal) {
      const now = deps.clock.now();
      let deleted = 0;
      for (const project of await deps.store.projects.allSettings()) {
        const setting = parseReplayRetentionDays(project.settings.replayRetentionDays);
        if (!setting.ok) deps.logger.warn({ projectId: project.id, reason: setting.reason }, 'invalid replayRetentionDays; using the default');
        const days = (setting.ok ? setting.days : null) ?? deps.defaultDays;
        for (;;) {
          if (signal?.aborted === true) return deleted;
          const n = await deps.store.replays.deleteUpdatedBefore(project.id, now - days * dayMs, batchRows);
          deleted += n;
          if (n < batchRows) break;
          await yieldToLoop();
        }
      }
      return deleted;
    },
  };
}
