import type { Generated } from 'kysely';

/**
 * Row types of the release-health tables (migration 0015). `bucket` is the start of the hour
 * of the sessions' `started` time, epoch ms; '' stands for "no environment".
 */
export interface SessionCountTable {
  project_id: number;
  release: string;
  environment: string;
  bucket: number;
  /** sessions started (init updates, and every session an aggregate counts) */
  inits: number;
  /** errored sessions reported by aggregates (errored + abnormal + unhandled + crashed) */
  errored_preaggr: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  /** exited sessions with a duration: count, sum and max in seconds */
  duration_count: number;
  duration_sum: number;
  duration_max: number | null;
}

/**
 * Compact distinct sets: one row per (key, bucket, kind, digest). A digest is 16 hex digits of a
 * SHA-256 of a session id or user id, so exact distinct counts over any window are a
 * COUNT(DISTINCT digest) over small rows. Kinds: sessions/store/set-kinds.ts.
 */
export interface SessionSetTable {
  project_id: number;
  release: string;
  environment: string;
  bucket: number;
  kind: number;
  digest: string;
}

/** A DDSketch of exited sessions' durations (seconds), one row per key, bucket and batch. */
export interface SessionDurationSketchTable {
  id: Generated<number>;
  project_id: number;
  release: string;
  environment: string;
  bucket: number;
  sketch: Uint8Array;
}

/**
 * The distinct sets of one closed day, packed (migration 0021): `members` is a run of 9-byte
 * entries, the hour of the day (0–23) then the 8 bytes of the digest, ordered. Written only by
 * the fold (sessions/store/session-set-days.ts), which deletes the `session_sets` rows it packs.
 */
export interface SessionSetDayTable {
  project_id: number;
  release: string;
  environment: string;
  /** start of the UTC day, epoch ms */
  day: number;
  kind: number;
  members: Uint8Array;
}

export interface SessionTables {
  session_counts: SessionCountTable;
  session_sets: SessionSetTable;
  session_set_days: SessionSetDayTable;
  session_duration_sketches: SessionDurationSketchTable;
}
