import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { createPerformanceRepo } from './store/performance-repo.js';

const dayMs = 86_400_000;
/** Rows per statement, so no sweep holds the write lock for long. */
const batchRows = 5_000;
/** Minutes still receiving deltas are left alone: ingest and processing lag by seconds, not minutes. */
const openMinutes = 2;

export const ROLLUP_COMPACTION = { task: 'performance.compact-rollups', everyMs: 60_000 } as const;
export const PERFORMANCE_RETENTION = { task: 'performance.retention', everyMs: 3_600_000 } as const;

export interface PerformanceSweeps {
  /** Folds closed minutes' delta rows into one row per key; returns how many rows it folded. */
  compact(signal?: AbortSignal): Promise<number>;
  /** Deletes trace documents and rollups past their retention; returns how many rows went. */
  retain(signal?: AbortSignal): Promise<number>;
}

/**
 * The performance domain's background work, run by the one leased scheduler (jobs/): rollup
 * compaction keeps a window's percentile a merge of one sketch per key and minute; retention
 * keeps raw spans for `traceRetentionDays` and rollups for `rollupRetentionDays`
 * (docs/performance-monitoring.md › Retention).
 */
export function createPerformanceSweeps(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  traceRetentionDays: number;
  rollupRetentionDays: number;
}): PerformanceSweeps {
  const repo = createPerformanceRepo(deps.store.db);
  return {
    async compact(signal) {
      const before = Math.floor(deps.clock.now() / 60_000 - openMinutes) * 60;
      let total = 0;
      while (signal?.aborted !== true) {
        const folded = await repo.compact(before, batchRows);
        total += folded;
        if (folded < batchRows) break;
        await yieldToLoop();
      }
      return total;
    },
    async retain(signal) {
      const now = deps.clock.now();
      const projects = await deps.store.db.selectFrom('projects').select('id').execute();
      const stopped = () => signal?.aborted === true;
      let total = 0;
      for (const { id } of projects) {
        if (stopped()) break;
        for (;;) {
          const n = await repo.deleteTracesBefore(id, now - deps.traceRetentionDays * dayMs, batchRows);
          total += n;
          if (n < batchRows || stopped()) break;
          await yieldToLoop();
        }
        total += await repo.deleteRollupsBefore(id, Math.floor((now - deps.rollupRetentionDays * dayMs) / 1000));
      }
      if (total > 0) deps.logger.info({ rows: total }, 'performance retention deleted old spans and rollups');
      return total;
    },
  };
}
