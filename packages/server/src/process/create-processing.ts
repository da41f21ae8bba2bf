import type { Config } from '../config/index.js';
import { createWorker, type Worker } from '../jobs/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { createPipeline, type PipelineReleaseDeps } from './pipeline.js';
import type { PostProcessBatch, PostProcessHook } from './post-process/index.js';
import { type ArtifactSource, createSourceMapStage } from './symbolicate/index.js';

export interface ProcessingDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** uploaded source maps as the symbolicate stage reads them (artifacts/, which process/ may not import) */
  artifacts: ArtifactSource;
  /** releases/ as the pipeline uses it (process/ may not import it) */
  releases: PipelineReleaseDeps;
  /** run after each committed batch; the list may grow after wiring */
  postProcessHooks: readonly PostProcessHook[];
  /** instead of running the hooks here: hand each committed batch on (a processing thread to the main thread) */
  forwardCommitted?: (batch: PostProcessBatch) => void;
  /** this worker's share of the queue, where claims do not lock rows (SQLite with several threads) */
  partition?: { index: number; count: number };
}

export interface Processing {
  /** the queue worker running the pipeline over claimed batches */
  readonly worker: Worker;
  /** new uploads arrived: symbolication looks again at projects it found without artifacts */
  forgetSourceMaps(): void;
}

/**
 * The one place the processing pipeline is assembled, from the settings in config: its
 * stages (pipeline.ts lists them), the source-map cache and the worker loop that feeds it.
 * app.ts calls it to process on the main thread, a processing thread calls it for its own
 * loop; they differ only in where the post-process hooks run.
 */
export function createProcessing(deps: ProcessingDeps): Processing {
  const { config, store, logger, clock } = deps;
  const sourceMaps = createSourceMapStage({ source: deps.artifacts, cacheBytes: config.sourceMapCacheBytes, clock });
  const processBatch = createPipeline({
    store,
    clock,
    logger,
    settingsTtlMs: config.processingSettingsTtlMs,
    postProcessHooks: deps.postProcessHooks,
    forwardCommitted: deps.forwardCommitted,
    sourceMaps,
    releases: deps.releases,
    replayLimits: {
      maxBytesPerReplay: config.replayMaxBytes,
      maxSegments: config.replayMaxSegments,
      maxSegmentBytes: config.replayMaxSegmentBytes,
      projectQuotaBytes: config.replayProjectQuotaBytes,
    },
    feedbackAttachments: { maxAttachmentBytes: config.feedbackMaxAttachmentBytes, maxEventBytes: config.feedbackMaxAttachmentsBytes },
  });
  const worker = createWorker({
    store,
    logger,
    clock,
    processBatch,
    batchSize: config.workerBatchSize,
    pollMs: config.workerPollMs,
    // PostgreSQL's claims skip locked rows, so workers need no shares there.
    ...(deps.partition !== undefined && !store.dialect.claimLocksRows ? { partition: deps.partition } : {}),
  });
  return { worker, forgetSourceMaps: () => sourceMaps.forgetProjects() };
}
