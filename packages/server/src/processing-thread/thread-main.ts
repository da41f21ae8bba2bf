/**
 * Entry of a processing thread: its own logger and database connection (pool on
 * PostgreSQL), and processing as process/'s `createProcessing` builds it (pipeline,
 * source-map cache, worker loop) from the same config as the main thread. It runs
 * claim → pipeline → commit and posts each committed batch's event summaries back, so the
 * post-process hooks (alerting) run on the main thread, where they are registered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createArtifacts } from '../artifacts/index.js';
import { createLogger, systemClock } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import { createProcessing } from '../process/index.js';
import { createReleases, pipelineReleases } from '../releases/index.js';
import type { FromThread, ThreadData, ToThread } from './messages.js';
import { lowerThisThreadPriority } from './thread-priority.js';

const port = parentPort;
if (port === null) throw new Error('thread-main.ts runs only as a worker thread');
const { config, store: storeOptions, partition } = workerData as ThreadData;
const clock = systemClock;
const logger = createLogger(config.logLevel).child({ thread: 'processing' });
// Before any work: under CPU contention ingest's answers come first, the backlog waits.
const priority = lowerThisThreadPriority(config.workerNice);
if (!priority.applied && config.workerNice !== 0) logger.warn({ reason: priority.reason }, 'processing thread keeps the process priority');
const store = openStore({
  ...storeOptions,
  clock,
  postgres: { ...storeOptions.postgres, maxConnections: 3 },
});
const post = (message: FromThread) => port.postMessage(message);
// The same factory as app.ts: only the hand-back of committed batches differs.
const { worker, forgetSourceMaps } = createProcessing({
  config,
  store,
  logger,
  clock,
  artifacts: createArtifacts({ config, store, clock, logger }).reader,
  releases: pipelineReleases(createReleases({ store, clock }), store),
  postProcessHooks: [],
  forwardCommitted: (batch) => post({ type: 'processed', batch }),
  partition,
});

async function answer(id: number, work: () => Promise<number>): Promise<void> {
  try {
    post({ type: 'reply', id, ok: true, value: await work() });
  } catch (err) {
    post({ type: 'reply', id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
}

// While the loop runs, the main thread's commits leave checkpointing of SQLite's log to this thread.
const checkpointEveryMs = 1000;
let checkpoints: NodeJS.Timeout | null = null;

function checkpoint(): void {
  try {
    store.dialect.checkpoint?.();
  } catch (err) {
    logger.warn({ err }, 'checkpoint of the write-ahead log failed; the next one retries');
  }
}

port.on('message', (message: ToThread) => {
  switch (message.type) {
    case 'start':
      if (store.dialect.checkpoint !== undefined) checkpoints ??= setInterval(checkpoint, checkpointEveryMs);
      return worker.start();
    case 'notify':
      return worker.notify();
    case 'forget-source-maps':
      return forgetSourceMaps();
    case 'run-once':
      return void answer(message.id, () => worker.runOnce(message.limit));
    case 'drain':
      return void answer(message.id, async () => {
        await worker.drain(message.timeoutMs);
        return 0;
      });
    case 'stop':
      return void answer(message.id, async () => {
        if (checkpoints !== null) clearInterval(checkpoints);
        checkpoints = null;
        await worker.stop();
        await store.close();
        port.close();
        return 0;
      });
  }
});
