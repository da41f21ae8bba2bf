import type { StoreExecutor } from '../../store/index.js';
import type { NormalizedEvent, ProcessingNote } from '../normalize/index.js';
import type { SourceMapStage } from './source-maps/index.js';

export interface SymbolicateContext {
  readonly projectId: number;
  /** JavaScript source maps (artifacts uploaded by sentry-cli); absent = frames pass through */
  readonly sourceMaps?: SourceMapStage;
  /** the batch's transaction: artifact reads must use it (on SQLite it holds the only connection) */
  readonly trx?: StoreExecutor;
}

export interface SymbolicateResult {
  /** The same event, its frames resolved in place where possible. */
  readonly event: NormalizedEvent;
  /** What could not be resolved and why (missing source map, unknown debug file…). */
  readonly notes: readonly ProcessingNote[];
}

const NO_NOTES: readonly ProcessingNote[] = Object.freeze([]);

/**
 * Asynchronous because resolving reads uploaded artifacts. Without a source-map stage (or for
 * a project without artifacts, which the stage answers from a short cache) the cost is one
 * microtask per event. Errors of the store propagate: the batch is retried, not half-done.
 */
export async function symbolicate(event: NormalizedEvent, ctx: SymbolicateContext): Promise<SymbolicateResult> {
  if (!ctx.sourceMaps) return { event, notes: NO_NOTES };
  const notes = await ctx.sourceMaps.resolve(event, ctx.projectId, ctx.trx);
  return { event, notes: notes.length === 0 ? NO_NOTES : notes };
}
