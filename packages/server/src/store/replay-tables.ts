import type { Generated } from 'kysely';

/**
 * Row types of the session replay tables (migration 0020; docs/replays.md). Times are epoch
 * ms. A replay is one row per (project, replay id), updated as its segments arrive; each
 * segment's rrweb recording is one zlib-compressed blob. Sentry's model:
 * https://docs.sentry.io/product/explore/session-replay/
 */
export interface ReplayTable {
  id: Generated<number>;
  project_id: number;
  /** 32 lowercase hex */
  replay_id: string;
  /** min `replay_start_timestamp` (or the first segment's receive time) */
  started_at: number;
  /** max `timestamp` */
  finished_at: number;
  environment: string | null;
  /** 1 once DELETE removed its recordings: the row stays as Sentry's archived replay */
  is_archived: number;
  /** compressed bytes of the stored segments, against the per-replay and per-project limits */
  recording_bytes: number;
  /** stored recording segments */
  segment_count: number;
  /** JSON: the aggregated replay_event facts (replays/replay-summary.ts) */
  summary: string;
  /** last time a segment, event or linked error changed the row; retention's clock */
  updated_at: number;
}

export interface ReplaySegmentTable {
  project_id: number;
  replay_id: string;
  segment_id: number;
  /** zlib (deflate with zlib header) of the rrweb event array, after scrubbing */
  recording: Uint8Array;
  /** bytes of `recording` */
  size: number;
  received_at: number;
}

/**
 * Error events that belong to a replay, both ways: written when an error event names its
 * replay (`contexts.replay.replay_id` or tag `replayId`; issue known) and when a replay_event
 * lists `error_ids` (issue looked up in `events` when read).
 */
export interface ReplayErrorTable {
  project_id: number;
  replay_id: string;
  event_id: string;
  issue_id: number | null;
  /** error | warning | info (the event's level; a replay_event's error_ids are errors) */
  level: string;
  received_at: number;
}

/** One user's view of one replay (0024): the replay page marks it when it opens. */
export interface ReplayViewTable {
  project_id: number;
  replay_id: string;
  user_id: number;
  viewed_at: number;
}

export interface ReplayTables {
  replays: ReplayTable;
  replay_segments: ReplaySegmentTable;
  replay_errors: ReplayErrorTable;
  replay_views: ReplayViewTable;
}
