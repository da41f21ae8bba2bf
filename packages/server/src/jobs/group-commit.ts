import { setImmediate as nextTurn } from 'node:timers/promises';

export interface GroupCommitter<W, R> {
  /** Resolves once the write is committed (with the result of its group), rejects if that commit failed. */
  submit(write: W): Promise<R>;
  /** Resolves when everything submitted so far is committed or failed. */
  flush(): Promise<void>;
}

interface Pending<W, R> {
  write: W;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * Group commit: one transaction for many concurrent writers. A commit starts on the
 * next turn of the event loop after the first submit, so every request that reached
 * this point in the same turn joins it; writes submitted while a commit is in flight
 * wait and form the next group. At most one commit per committer runs at a time,
 * which keeps SQLite's single writer busy with few, larger transactions. When a
 * group fails, its writes are retried one by one so only the failing one is rejected.
 */
export function createGroupCommitter<W, R>(commit: (writes: W[]) => Promise<R>, options: { maxGroup: number }): GroupCommitter<W, R> {
  let queue: Pending<W, R>[] = [];
  let running: Promise<void> | null = null;

  function kick(): void {
    if (running) return;
    running = (async () => {
      await nextTurn();
      while (queue.length > 0) {
        const group = queue.slice(0, options.maxGroup);
        queue = queue.slice(group.length);
        try {
          const result = await commit(group.map((p) => p.write));
          for (const p of group) p.resolve(result);
        } catch (err) {
          if (group.length === 1) group[0]?.reject(err);
          // One bad write must not fail its neighbours: retry them one by one.
          else for (const p of group) await commit([p.write]).then(p.resolve, p.reject);
        }
        // Let requests that arrived during the commit reach submit() before the next group closes.
        if (queue.length > 0) await nextTurn();
      }
      running = null;
    })();
  }

  return {
    submit(write) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ write, resolve, reject });
        kick();
      });
    },
    async flush() {
      while (running) await running;
    },
  };
}
