/**
 * replays — session replay (Faultline issue #18; user guide docs/replays.md). Owns the replay
 * rows (the aggregated replay_event facts of Sentry's replay object), the recording segments
 * (zlib blobs) and the links between error events and replays (`store/`), the parsers of the
 * `replay_event` and `replay_recording` items, the aggregation rules (`replay-summary.ts`),
 * Sentry's replay JSON, list query and sort (`read/`) and `registerReplaysApi` (`routes/`).
 * Must not import process/: the pipeline's replay stage (`process/replays/`) parses, scrubs
 * and compresses, then calls in here to store; retention is a sweep app.ts registers.
 *
 * For other modules (stable):
 *   store.replays
 *     get(exec, projectId, replayId) / save(trx, ReplayRowWrite)       the stage's read-modify-write
 *     segmentSize / putSegment (a repeated segment id replaces) / projectBytes
 *     linkErrors(trx, links) / linkedErrors(exec, projectId, replayId)
 *     find / list / segments / recordings / archive / replaysOfIssues / existing  (the API)
 *     deleteUpdatedBefore(projectId, cutoff, limit)                    retention
 *   parseRecording(payload, maxInflatedBytes) → { ok, recording } | { ok: false, reason }
 *   parseReplayEvent(json, envelopeEventId) → { ok, facts } | { ok: false, reason }
 *   emptySummary / mergeEvent / mergeRecording / mergeLinkedError: idempotent per segment
 *   recordingClicks(events) → [clicks, dead, rage]
 *   createReplayRetention({ store, clock, logger, defaultDays }) and REPLAY_RETENTION (the sweep)
 */

export { MAX_RECORDING_DEPTH, MAX_SEGMENT_ID, type ParsedRecording, parseRecording, type RecordingParse } from './recording-parser.js';
export { recordingClicks } from './recording-stats.js';
export { type NameVersion, parseReplayEvent, type ReplayEventFacts, type ReplayEventParse, type ReplayUser } from './replay-event-parser.js';
export { createReplayRetention, parseReplayRetentionDays, REPLAY_RETENTION, type ReplayRetention } from './replay-retention.js';
export { clickTotals, emptySummary, mergeEvent, mergeLinkedError, mergeRecording, type ReplaySummary, readSummary } from './replay-summary.js';
export { type ReplaysApiDeps, registerReplaysApi } from './routes/index.js';
export type { NewSegment, ReplayErrorLink, ReplayRecord, ReplayRepo, ReplayRowWrite } from './store/replay-repo.js';
export { replayRepositories } from './store/repositories.js';
