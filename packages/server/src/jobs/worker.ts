import { setTimeout as sleep } from 'node:timers/promises';
import { dataCategoryOf } from '@faultline/protocol';
import type { Clock, Logger } from '../kernel/index.js';
import { hourStart } from '../outcomes/index.js';
import type { OutcomeIncrement, QueuedEnvelope, Store, StoreExecutor } from '../store/index.js';
import { expandQueuedEnvelope, type QueueItem } from './queue-item.js';

/**
 * The processing seam: everything the processor writes goes through `trx`, the same
 * transaction that removes the items' envelopes from the queue, so a batch is
 * processed exactly once — or, after a crash, not at all and again later. A processor
 * may return work to run once that transaction has committed (alerts must not fire for
 * a batch that rolls back); it runs at most once, and its failure is only logged.
 */
export type ProcessBatch = (items: readonly QueueItem[], trx: StoreExecutor) => Promise<AfterCommit | undefined>;
export type AfterCommit = () => Promise<void>;

export interface WorkerOptions {
  store: Store;
  logger: Logger;
  clock: Clock;
  processBatch: ProcessBatch;
  /** envelopes per claim */
  batchSize: number;
  /** idle wait before looking for envelopes queued by other processes */
  pollMs: number;
  /** decoded bytes per claim beyond its first envelope */
  maxBatchBytes?: number;
  /** failed attempts after which an envelope is dropped with an `invalid` outcome */
  maxAttempts?: number;
  /**
   * Longest a claim's transaction should take: the loop shrinks its claims while they take
   * longer and grows them back up to `batchSize`. A worker on its own thread sets it because
   * SQLite's write lock is then shared with the ingest group commit on the main thread.
   */
  maxTransactionMs?: number;
}

export interface Worker {
  start(): void;
  /** Finishes the batch in progress and stops; the rest stays queued for the next start. */
  stop(): Promise<void>;
  /** Something was enqueued: look now instead of at the next poll. */
  notify(): void;
  /** Processes one claim; returns how many envelopes it took off the queue. */
  runOnce(limit?: number): Promise<number>;
  /** Waits until the queue is empty (processing it here if the loop is not running). */
  drain(timeoutMs?: number): Promise<void>;
}

class ProcessorError extends Error {
  constructor(cause: unknown) {
    super('processor failed', { cause });
  }
}

// Below this many envelopes per claim, the per-transaction cost (fsync, queue bookkeeping) dominates.
const minAdaptiveClaim = 25;
const windowPruneEveryMs = 60_000;
const windowKeepMs = 10 * 60_000;

export function createWorker(options: WorkerOptions): Worker {
  const { store, logger, clock, processBatch } = options;
  const maxBatchBytes = options.maxBatchBytes ?? 64 * 1024 * 1024;
  const maxAttempts = options.maxAttempts ?? 3;
  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  let notified = false;
  let lastPrune = 0;
  // the loop's claim in progress: drain waits for it so its after-commit work has run too
  let current: Promise<number> | null = null;

  async function runOnce(limit = options.batchSize): Promise<number> {
    let claimed: number[] = [];
    const after: { commit?: AfterCommit | undefined } = {};
    try {
      const taken = await store.dialect.durableTransaction(async (trx) => {
        after.commit = undefined;
        const rows = await store.ingestQueue.claim(trx, limit, maxBatchBytes);
        claimed = rows.map((r) => r.id);
        if (rows.length === 0) return 0;
        const items: QueueItem[] = [];
        const broken: OutcomeIncrement[] = [];
        for (const row of rows) {
          const expanded = await expandQueuedEnvelope(row);
          if (expanded.ok) items.push(...expanded.items);
          else {
            logger.error({ queueId: row.id, reason: expanded.reason }, 'queued envelope is unreadable; dropped');
            broken.push(...givenUp(row, 'unreadable'));
          }
        }
        if (items.length > 0) {
          try {
            after.commit = await processBatch(items, trx);
          } catch (err) {
            throw new ProcessorError(err);
          }
        }
        if (broken.length > 0) await store.outcomes.increment(trx, broken);
        await store.ingestQueue.remove(trx, claimed);
        return rows.length;
      });
      if (after.commit) await after.commit().catch((err: unknown) => logger.error({ err }, 'after-commit work of a processed batch failed'));
      return taken;
    } catch (err) {
      // Only the processor failing uses up attempts: a database outage must not drop envelopes.
      if (claimed.length === 0 || !(err instanceof ProcessorError)) throw err;
      if (claimed.length > 1) {
        // Find the envelope that fails by processing the claimed ones one at a time.
        logger.warn({ err, envelopes: claimed.length }, 'batch failed; retrying its envelopes one by one');
        let done = 0;
        for (let i = 0; i < claimed.length; i++) done += await runOnce(1);
        return done;
      }
      await recordFailure(claimed[0] as number, err.cause);
      return 0;
    }
  }

  async function recordFailure(id: number, err: unknown): Promise<void> {
    const attempts = await store.ingestQueue.recordFailure(id);
    logger.error({ err, queueId: id, attempts }, 'processing a queued envelope failed');
    if (attempts < maxAttempts) return;
    await store.db.transaction().execute(async (trx) => {
      const row = await store.ingestQueue.byId(trx, id);
      if (!row) return;
      await store.outcomes.increment(trx, givenUp(row, 'processing_failed'));
      await store.ingestQueue.remove(trx, [id]);
    });
  }

  function givenUp(row: QueuedEnvelope, reason: string): OutcomeIncrement[] {
    return row.items.map(([, type]) => ({
      projectId: row.projectId,
      hour: hourStart(row.receivedAt),
      category: dataCategoryOf(type),
      outcome: 'invalid',
      reason,
      quantity: 1,
    }));
  }

  async function idle(): Promise<void> {
    if (notified) {
      notified = false;
      return;
    }
    const ac = new AbortController();
    await Promise.race([
      sleep(options.pollMs, undefined, { signal: ac.signal }).catch(() => {}),
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
    ]);
    ac.abort();
    wake = null;
    notified = false;
  }

  async function maintain(): Promise<void> {
    const now = clock.now();
    if (now - lastPrune < windowPruneEveryMs) return;
    lastPrune = now;
    await store.rateWindows.prune(now - windowKeepMs);
  }

  let claimLimit = options.batchSize;
  function adaptClaim(taken: number, elapsedMs: number): void {
    const budget = options.maxTransactionMs;
    if (budget === undefined) return;
    if (elapsedMs > budget) claimLimit = Math.max(Math.min(minAdaptiveClaim, options.batchSize), Math.floor(claimLimit / 2));
    else if (taken === claimLimit && elapsedMs < budget / 2) claimLimit = Math.min(options.batchSize, claimLimit * 2);
  }

  async function run(): Promise<void> {
    while (!stopping) {
      try {
        const started = performance.now();
        current = runOnce(claimLimit);
        const n = await current;
        adaptClaim(n, performance.now() - started);
        if (n === 0) {
          await maintain();
          await idle();
        }
      } catch (err) {
        logger.error({ err }, 'queue worker failed; retrying');
        await idle();
      }
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
    },
    notify() {
      notified = true;
      wake?.();
    },
    runOnce,
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (loop) {
          if ((await store.ingestQueue.depth()) === 0) {
            await current?.catch(() => {});
            return;
          }
          await sleep(10);
        } else if ((await runOnce()) === 0 && (await store.ingestQueue.depth()) === 0) return;
        if (Date.now() > deadline) throw new Error(`queue not drained within ${timeoutMs} ms`);
      }
    },
  };
}
