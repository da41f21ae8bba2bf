/**
 * process/replays — the replay stage: `replay_event` and `replay_recording` items parsed,
 * scrubbed with the project's rules (metadata like events, rrweb recordings by
 * scrub-recording.ts), compressed and stored in replays/ within its limits; and the link of
 * stored error events to the replay they name (called after persist).
 */
export { applyReplays } from './apply-replays.js';
export { linkReplayErrors, replayIdOf, type StoredError } from './link-replay-errors.js';
export { DEFAULT_REPLAY_LIMITS, isReplayItem, prepareReplays, type ReplayLimits, type ReplayOp } from './replay-stage.js';
export { type RecordingScrub, scrubRecording } from './scrub-recording.js';
