import type { Clock, Logger } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { createPostProcess, type PostProcessHook, type ProcessedEventSummary } from './post-process.js';

/**
 * The sweep's schedule: a batch's own post-process normally finishes milliseconds after its
 * commit, so one still pending after 30 s was left behind (or its hooks failed).
 */
export const PENDING_RECOVERY = { task: 'post-process.recover-pending', everyMs: 15_000, graceMs: 30_000, maxAttempts: 5 } as const;

export interface PendingRecoveryDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  hooks: readonly PostProcessHook[];
  /** a batch committed this long ago whose row is still there was left behind by a dead process */
  graceMs: number;
  /** sweeps per batch before it is given up (its hooks keep throwing) */
  maxAttempts: number;
  /** batches per sweep */
  batchLimit?: number;
}

/**
 * The other consumer of `post_process_pending`: runs the hooks of batches whose process died
 * between the commit and its own post-process call (or whose hooks threw). Runs on the
 * leased schedule, so one process sweeps at a time. A batch the live process is still
 * working on may be picked up too when it is slower than `graceMs`; the hooks decide with
 * the batch's own `processedAt` and claim each firing with a compare-and-set, so running a
 * batch twice never notifies twice.
 */
export function createPendingRecovery(deps: PendingRecoveryDeps) {
  const { store, clock, logger } = deps;
  const run = createPostProcess({ store, hooks: deps.hooks, logger });
  return {
    /** Returns how many left-behind batches were completed. */
    async sweep(): Promise<number> {
      const rows = await store.postProcessPending.olderThan(clock.now() - deps.graceMs, deps.batchLimit ?? 100);
      let done = 0;
      for (const row of rows) {
        if (row.attempts >= deps.maxAttempts) {
          logger.error({ pendingId: row.id, attempts: row.attempts }, 'post-process of a batch kept failing; given up');
          await store.postProcessPending.remove(row.id);
          continue;
        }
        await store.postProcessPending.recordAttempt(row.id);
        const summaries = JSON.parse(row.summaries) as ProcessedEventSummary[];
        logger.warn({ pendingId: row.id, events: summaries.length }, 'running the post-process of a batch a process left behind');
        if (await run({ pendingId: row.id, processedAt: row.processedAt, summaries })) done += 1;
      }
      return done;
    },
  };
}

export type PendingRecovery = ReturnType<typeof createPendingRecovery>;
