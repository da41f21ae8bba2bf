import type { Logger } from '../kernel/index.js';
import type { OutcomeIncrement } from '../outcomes/index.js';
import type { NewQueuedEnvelope, Store, WindowIncrement, WindowTotals } from '../store/index.js';
import { createGroupCommitter } from './group-commit.js';

/** What one ingest request makes durable: its accepted envelope, its outcomes, its rate-limit counts. */
export interface QueueWrite {
  envelopes?: readonly NewQueuedEnvelope[];
  outcomes?: readonly OutcomeIncrement[];
  windows?: readonly WindowIncrement[];
}

export interface QueueWriter {
  /** Durable when this resolves: the request may answer 200. Resolves with the group's rate-window totals. */
  write(write: QueueWrite): Promise<WindowTotals>;
  /** Joins the next commit without waiting (outcomes of rejected requests). Failures are logged. */
  record(write: QueueWrite): void;
  flush(): Promise<void>;
}

// Bounds one transaction's size; a burst larger than this commits in several groups.
const maxGroup = 512;

/**
 * The write side of the durable queue. Concurrent requests share one transaction
 * (group commit): queue rows, outcome counters and rate-limit windows of the whole
 * group are committed together, so a 200'd envelope's outcomes are as durable as it is.
 */
export function createQueueWriter(deps: { store: Store; logger: Logger; onEnqueued?: () => void }): QueueWriter {
  const { store, logger } = deps;
  const committer = createGroupCommitter<QueueWrite, WindowTotals>(
    async (writes) => {
      const envelopes = writes.flatMap((w) => w.envelopes ?? []);
      const outcomes = writes.flatMap((w) => w.outcomes ?? []);
      const windows = writes.flatMap((w) => w.windows ?? []);
      const totals = await store.dialect.durableTransaction(async (trx) => {
        if (envelopes.length > 0) await store.ingestQueue.insert(trx, envelopes);
        if (outcomes.length > 0) await store.outcomes.increment(trx, outcomes);
        return store.rateWindows.increment(trx, windows);
      });
      if (envelopes.length > 0) deps.onEnqueued?.();
      return totals;
    },
    { maxGroup },
  );
  return {
    write: (w) => committer.submit(w),
    record(w) {
      committer.submit(w).catch((err: unknown) => logger.error({ err }, 'could not record outcomes'));
    },
    flush: () => committer.flush(),
  };
}
