/**
 * process — what happens to accepted items after ingest: `pipeline.ts` lists the stages
 * (normalize → filter → scrub → symbolicate → group → persist → post-process), one folder
 * each; `createProcessing` is the one place they are assembled with the worker (jobs/), which
 * calls the pipeline with claimed batches inside its transaction.
 * Must not answer HTTP or read the environment; per-project settings come from the store.
 */

export { createProcessing, type Processing, type ProcessingDeps } from './create-processing.js';
// The feedback issue of a report the web API saves (feedback/ cannot import the pipeline).
export { createUserReportShimWriter } from './feedback/index.js';
// The settings parsers, so the project settings API validates exactly as the pipeline reads.
export { parseInboundFilterSettings } from './filter/index.js';
export { compileGroupingRules, type RuleSyntaxError } from './group/index.js';
export { CRON_ISSUE_TYPE, createMonitorSweep, MONITOR_SWEEP, type MonitorSweep } from './monitors/index.js';
export { parseUserAgent, type UserAgentInfo } from './normalize/index.js';
export {
  DERIVED_TAG_KEYS,
  eventTags,
  type PersistResult,
  type ReadyEvent,
  type StoredEventDocument,
  type StoredGrouping,
  storedEventTags,
  userKeyOf,
} from './persist/index.js';
export { createPipeline, type PipelineDeps } from './pipeline.js';
export {
  createPendingRecovery,
  createPostProcess,
  PENDING_RECOVERY,
  type PendingRecovery,
  type PostProcessBatch,
  type PostProcessHook,
  type ProcessedEventSummary,
} from './post-process/index.js';
export { DEFAULT_PROCESSING_SETTINGS, type ProcessingSettings, readGroupingText } from './project-settings.js';
export { parseScrubSettings } from './scrub/index.js';
// The source-map stage is built by createProcessing over the artifact reader app.ts or a processing thread hands it.
export { type ArtifactSource, createSourceMapStage, type SourceMapStage } from './symbolicate/index.js';
