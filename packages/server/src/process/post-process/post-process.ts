import type { Logger } from '../../kernel/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';

/** What the alerting issue needs to know about one stored error event. */
export interface ProcessedEventSummary {
  readonly projectId: number;
  readonly issueId: number;
  /** this event created the issue */
  readonly isNew: boolean;
  /** this event regressed a resolved issue */
  readonly isRegression: boolean;
  /** this event ended an ignore (time passed, or enough events/users) */
  readonly wasIgnoredAndCameBack: boolean;
  readonly eventId: string;
  readonly level: string;
  readonly environment: string | null;
  readonly release: string | null;
  readonly userKey: string | null;
  /** the event's tags as stored, derived ones (level, environment, user, browser…) included */
  readonly tags: readonly (readonly [string, string])[];
}

/**
 * One committed batch as post-process sees it. `pendingId` is its row in
 * `post_process_pending`, written in the batch's transaction; `processedAt` is the time
 * the hooks must treat as "now", so a rerun after a crash decides exactly as the first run.
 */
export interface PostProcessBatch {
  readonly pendingId: number;
  readonly processedAt: number;
  readonly summaries: readonly ProcessedEventSummary[];
}

export type PostProcessHook = (results: readonly ProcessedEventSummary[], batch: { readonly processedAt: number }) => Promise<void> | void;

/** Records, in the batch's transaction, that its post-process work is owed. */
export async function recordPendingBatch(
  store: Store,
  trx: StoreExecutor,
  processedAt: number,
  summaries: readonly ProcessedEventSummary[],
): Promise<PostProcessBatch> {
  const pendingId = await store.postProcessPending.add(trx, processedAt, JSON.stringify(summaries));
  return { pendingId, processedAt, summaries };
}

/**
 * Calls every hook in registration order (reading the list on each call, so hooks may be
 * added after wiring), then deletes the batch's pending row. If a hook threw, the row
 * stays and the recovery sweep runs the batch again later; hooks are idempotent per batch.
 */
export function createPostProcess(deps: { store: Store; hooks: readonly PostProcessHook[]; logger: Logger }): (batch: PostProcessBatch) => Promise<boolean> {
  return async (batch) => {
    let ok = true;
    for (const hook of deps.hooks) {
      try {
        await hook(batch.summaries, { processedAt: batch.processedAt });
      } catch (err) {
        ok = false;
        deps.logger.error({ err, events: batch.summaries.length, pendingId: batch.pendingId }, 'a post-process hook failed');
      }
    }
    if (ok) await deps.store.postProcessPending.remove(batch.pendingId);
    return ok;
  };
}
