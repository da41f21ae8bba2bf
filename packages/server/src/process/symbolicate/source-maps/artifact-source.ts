import type { ArtifactFileRef } from '../../../artifacts/index.js';
import type { StoreExecutor } from '../../../store/index.js';

/**
 * What the source-map stage reads; implemented over the store and blob storage by
 * artifacts/ and handed in by app.ts. Every call may take the worker's transaction: on SQLite
 * the batch holds the only connection, so a read on the plain database would wait forever.
 */
export interface ArtifactSource {
  /** the subset of projects that have any artifact (one indexed probe per project, one query) */
  projectsWithArtifacts(projectIds: readonly number[], exec?: StoreExecutor): Promise<ReadonlySet<number>>;
  byDebugIds(projectId: number, debugIds: readonly string[], exec?: StoreExecutor): Promise<readonly ArtifactFileRef[]>;
  /** files of the release with exactly this dist ('' = none) stored under one of `urls` */
  byUrls(projectId: number, release: string, dist: string, urls: readonly string[], exec?: StoreExecutor): Promise<readonly ArtifactFileRef[]>;
  load(sha1: string, exec?: StoreExecutor): Promise<Uint8Array | undefined>;
  /** keeps used artifacts alive for retention; must not throw or wait */
  markUsed(artifacts: readonly ArtifactFileRef[]): void;
}

/**
 * Why a frame stayed as it was, recorded with the event for the UI (Sentry's `errors[].type`
 * of its JavaScript processing).
 */
export type SourceMapNoteType =
  /** no minified file or map was uploaded for this URL (release + dist + URL, or debug id) */
  | 'js_no_source'
  /** the minified file was found but names no source map, or the map it names is missing */
  | 'js_missing_sourcemap'
  /** the map (or the file) could not be read */
  | 'js_invalid_source'
  /** the map has no mapping for the frame's line and column */
  | 'js_invalid_sourcemap_location'
  /** mapped, but the original source text is neither in the map nor uploaded: no context lines */
  | 'js_missing_source_content';

export interface SourceMapNote {
  readonly type: SourceMapNoteType;
  /** the first frame concerned: `exception.values.0.stacktrace.frames.3` */
  readonly path: string;
  readonly detail: string;
}
