import { setTimeout as sleep } from 'node:timers/promises';
import { dataCategoryOf } from '@faultline/protocol';
import type { Clock, Logger } from '../kernel/index.js';
import type { OutcomeIncrement } from '../outcomes/index.js';
import { hourStart } from '../outcomes/index.js';
import type { QueuedEnvelope, QueuePartition, Store, StoreExecutor } from '../store/index.js';
import { expandQueuedEnvelope, type QueueItem } from './queue-item.js';

/**
 * The processing seam, in two steps. `ProcessBatch` does the work for claimed items — the
 * CPU-heavy part — reading through `reader`, and returns a `CommitBatch` that writes the
 * results through `trx`: the transaction that also removes the items' envelopes from the
 * queue, so a batch is processed exactly once — or, after a crash, not at all and again
 * later. Where the database has a single writer (SQLite) the first step runs outside any
 * transaction, so ingest's commits are not held up for it. A commit may return work to run
 * once its transaction has committed (alerts must not fire for a batch that rolls back); it
 * runs at most once, and its failure is only logged.
 */
export type ProcessBatch = (items: readonly QueueItem[], reader: StoreExecutor) => Promise<CommitBatch>;
export type CommitBatch = (trx: StoreExecutor) => Promise<AfterCommit | undefined>;
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
  /** this worker's share of the queue when several work on one SQLite file (worker threads) */
  partition?: QueuePartition;
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

/** Another worker on the same SQLite file processed rows of this claim first: its results stand. */
class ClaimLost extends Error {}

/** A claim processed and ready to commit. */
interface Prepared {
  readonly ids: readonly number[];
  readonly commit: CommitBatch | undefined;
  /** outcomes of envelopes that could not be read */
  readonly broken: readonly OutcomeIncrement[];
}

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

  async function prepare(rows: readonly QueuedEnvelope[], reader: StoreExecutor): Promise<Prepared> {
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
    let commit: CommitBatch | undefined;
    if (items.length > 0) {
      try {
        commit = await processBatch(items, reader);
      } catch (err) {
        throw new ProcessorError(err);
      }
    }
    return { ids: rows.map((r) => r.id), commit, broken };
  }

  async function commitPrepared(trx: StoreExecutor, prepared: Prepared): Promise<AfterCommit | undefined> {
    let after: AfterCommit | undefined;
    if (prepared.commit) {
      try {
        after = await prepared.commit(trx);
      } catch (err) {
        throw new ProcessorError(err);
      }
    }
    if (prepared.broken.length > 0) await store.outcomes.increment(trx, prepared.broken);
    return after;
  }

  type Processed = { taken: number; after?: AfterCommit | undefined };

  /** PostgreSQL: the claim locks its rows for the transaction, so everything happens inside it. */
  function processLocked(limit: number, claimed: { ids: readonly number[] }): Promise<Processed> {
    return store.dialect.durableTransaction(async (trx) => {
      const rows = await store.ingestQueue.claim(trx, limit, maxBatchBytes, options.partition);
      claimed.ids = rows.map((r) => r.id);
      if (rows.length === 0) return { taken: 0 };
      const prepared = await prepare(rows, trx);
      const after = await commitPrepared(trx, prepared);
      await store.ingestQueue.remove(trx, prepared.ids);
      return { taken: rows.length, after };
    });
  }

  /** SQLite: read the claim, process it outside any transaction, then commit it in a short one that removes its rows. */
  async function processConfirmed(limit: number, claimed: { ids: readonly number[] }): Promise<Processed> {
    const rows = await store.ingestQueue.claim(store.db, limit, maxBatchBytes, options.partition);
    claimed.ids = rows.map((r) => r.id);
    if (rows.length === 0) return { taken: 0 };
    const prepared = await prepare(rows, store.db);
    return store.dialect.durableTransaction(async (trx) => {
      if ((await store.ingestQueue.remove(trx, prepared.ids)) !== prepared.ids.length) throw new ClaimLost();
      return { taken: rows.length, after: await commitPrepared(trx, prepared) };
    });
  }

  async function runOnce(limit = options.batchSize): Promise<number> {
    const claimed: { ids: readonly number[] } = { ids: [] };
    try {
      const { taken, after } = await (store.dialect.claimLocksRows ? processLocked : processConfirmed)(limit, claimed);
      if (after) await after().catch((err: unknown) => logger.error({ err }, 'after-commit work of a processed batch failed'));
      return taken;
    } catch (err) {
      if (err instanceof ClaimLost) {
        logger.warn({ envelopes: claimed.ids.length }, 'another worker processed this claim first; its results stand');
        return 0;
      }
      // Only the processor failing uses up attempts: a database outage must not drop envelopes.
      if (claimed.ids.length === 0 || !(err instanceof ProcessorError)) throw err;
      if (claimed.ids.length > 1) {
        // Find the envelope that fails by processing the claimed ones one at a time.
        logger.warn({ err, envelopes: claimed.ids.length }, 'batch failed; retrying its envelopes one by one');
        let done = 0;
        for (let i = 0; i < claimed.ids.length; i++) done += await runOnce(1);
        return done;
      }
      await recordFailure(claimed.ids[0] as number, err.cause);
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

  async function run(): Promise<void> {
    while (!stopping) {
      try {
        current = runOnce();
        const n = await current;
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
