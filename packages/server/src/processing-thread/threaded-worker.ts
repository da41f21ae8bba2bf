import { Worker as NodeWorker } from 'node:worker_threads';
import type { Config } from '../config/index.js';
import type { Worker } from '../jobs/index.js';
import type { Logger } from '../kernel/index.js';
import { createPostProcess, type PostProcessBatch, type PostProcessHook } from '../process/index.js';
import type { Store, StoreOptions } from '../store/index.js';
import type { FromThread, ThreadData, ToThread } from './messages.js';

export interface ThreadedWorkerOptions {
  config: Config;
  /** how the main thread's store was opened: each thread opens its own connection the same way */
  storeOptions: StoreOptions;
  threads: number;
  logger: Logger;
  /** the main thread's store: it deletes a batch's pending row once the hooks ran */
  store: Store;
  /** run here, on the main thread, with the summaries of each batch a thread committed */
  postProcessHooks: readonly PostProcessHook[];
}

/** The queue worker, its loop on worker threads; `forgetSourceMaps` forwards new uploads to their caches. */
export interface ThreadedWorker extends Worker {
  forgetSourceMaps(): void;
}

interface Thread {
  readonly worker: NodeWorker;
  readonly pending: Map<number, { resolve(value: number): void; reject(err: Error): void }>;
  /** resolves with the thread's exit code */
  readonly exited: Promise<number>;
  /** its share of the queue */
  readonly index: number;
}

const respawnDelayMs = 1000;

/**
 * Same contract as the in-thread worker (jobs/worker.ts). Threads start on first use, so a
 * server with the loop disabled still drains on demand (tests). A thread that dies is
 * replaced while the loop should run: its claim rolled back, so nothing is lost.
 */
export function createThreadedWorker(options: ThreadedWorkerOptions): ThreadedWorker {
  const { logger } = options;
  const entry = new URL('./thread-main.js', import.meta.url);
  const data: ThreadData = { config: options.config, store: { ...options.storeOptions, clock: undefined } as ThreadData['store'] };
  let threads: Thread[] = [];
  let running = false;
  let respawn: NodeJS.Timeout | null = null;
  let nextId = 1;
  const hooksInFlight = new Set<Promise<void>>();
  const postProcess = createPostProcess({ store: options.store, hooks: options.postProcessHooks, logger });

  function onProcessed(batch: PostProcessBatch): void {
    const done = postProcess(batch)
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err }, 'post-process of a batch failed; the recovery sweep retries it'))
      .finally(() => hooksInFlight.delete(done));
    hooksInFlight.add(done);
  }

  function spawn(index: number): Thread {
    const threadData: ThreadData = { ...data, partition: { index, count: options.threads } };
    const worker = new NodeWorker(entry, { workerData: threadData });
    const pending: Thread['pending'] = new Map();
    worker.on('message', (message: FromThread) => {
      if (message.type === 'processed') return onProcessed(message.batch);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.message));
    });
    worker.on('error', (err) => logger.error({ err }, 'processing thread failed'));
    const exited = new Promise<number>((resolve) => {
      worker.once('exit', (code) => {
        for (const waiter of pending.values()) waiter.reject(new Error(`processing thread exited with code ${code}`));
        pending.clear();
        threads = threads.filter((t) => t !== thread);
        if (running && respawn === null) {
          logger.error({ code }, 'processing thread exited; starting another');
          respawn = setTimeout(() => {
            respawn = null;
            if (running) startThreads();
          }, respawnDelayMs);
        }
        resolve(code);
      });
    });
    const thread: Thread = { worker, pending, exited, index };
    return thread;
  }

  function ensureThreads(): Thread[] {
    // A respawned thread takes over the share of the queue of the one that exited.
    for (let index = 0; index < options.threads; index++) if (!threads.some((t) => t.index === index)) threads.push(spawn(index));
    return threads;
  }

  function startThreads(): void {
    for (const t of ensureThreads()) send(t, { type: 'start' });
  }

  function send(thread: Thread, message: ToThread): void {
    thread.worker.postMessage(message);
  }

  function request(thread: Thread, message: (id: number) => ToThread & { id: number }): Promise<number> {
    const id = nextId++;
    return new Promise<number>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      send(thread, message(id));
    });
  }

  async function hooksSettled(): Promise<void> {
    while (hooksInFlight.size > 0) await Promise.all(hooksInFlight);
  }

  return {
    start() {
      if (running) return;
      running = true;
      // The threads' loop now checkpoints SQLite's log (thread-main.ts), off the event loop.
      options.store.dialect.checkpointElsewhere?.();
      startThreads();
    },
    async stop() {
      running = false;
      if (respawn) clearTimeout(respawn);
      respawn = null;
      const stopping = threads;
      await Promise.all(
        stopping.map(async (t) => {
          // The thread closes its port once stopped, so its exit can overtake the answer: exit code 0 is the clean stop either way.
          const answer = request(t, (id) => ({ type: 'stop', id })).then(
            () => null,
            (err: unknown) => err,
          );
          const code = await t.exited;
          const err = await answer;
          if (code !== 0) logger.error({ err, code }, 'processing thread did not stop cleanly');
        }),
      );
      await hooksSettled();
    },
    notify() {
      if (running) for (const t of threads) send(t, { type: 'notify' });
    },
    forgetSourceMaps() {
      for (const t of threads) send(t, { type: 'forget-source-maps' });
    },
    async runOnce(limit) {
      const [first] = ensureThreads();
      if (first === undefined) return 0;
      const taken = await request(first, (id) => ({ type: 'run-once', id, limit }));
      await hooksSettled();
      return taken;
    },
    async drain(timeoutMs = 30_000) {
      await Promise.all(ensureThreads().map((t) => request(t, (id) => ({ type: 'drain', id, timeoutMs }))));
      await hooksSettled();
    },
  };
}
