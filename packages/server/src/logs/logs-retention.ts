import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';

const dayMs = 86_400_000;
/** Blocks per statement, so no sweep holds the write lock for long (a block holds a batch's lines). */
const batchBlocks = 1_000;
const MAX_DAYS = 36_500;

/** Hourly on the one leased scheduler (jobs/), registered by app.ts. */
export const LOG_RETENTION = { task: 'logs.retention', everyMs: 3_600_000 } as const;

export interface LogRetention {
  /** Deletes blocks received before each project's retention; returns how many blocks went. */
  runOnce(signal?: AbortSignal): Promise<number>;
}

/** A project's `logRetentionDays` setting, when it holds a valid one (the settings API validates it the same way). */
function projectDays(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DAYS ? value : null;
}

/**
 * Logs are kept `logRetentionDays` (FAULTLINE_LOG_RETENTION_DAYS, 30 by default; the project
 * setting `logRetentionDays` overrides), counted from when they were received: a client clock
 * cannot keep a line forever (docs/logs.md › Retention). Attribute names not seen within the
 * retention stop being offered.
 */
export function createLogRetention(deps: { store: Store; clock: Clock; logger: Logger; defaultDays: number }): LogRetention {
  const { store } = deps;
  return {
    async runOnce(signal) {
      const now = deps.clock.now();
      const stopped = () => signal?.aborted === true;
      let total = 0;
      for (const project of await store.projects.allSettings()) {
        if (stopped()) break;
        const cutoff = now - (projectDays(project.settings.logRetentionDays) ?? deps.defaultDays) * dayMs;
        for (;;) {
          const n = await store.logs.deleteReceivedBefore(project.id, cutoff, batchBlocks);
          total += n;
          if (n < batchBlocks || stopped()) break;
          await yieldToLoop();
        }
        await store.logs.deleteKeysSeenBefore(project.id, cutoff);
      }
      if (total > 0) deps.logger.info({ blocks: total }, 'log retention deleted old log blocks');
      return total;
    },
  };
}
