/**
 * process/post-process — the last stage: runs after a batch has committed, with one summary
 * per stored error event (its issue, whether the issue is new, regressed or came back from
 * being ignored, and the event's tags). Alerting registers its hooks here. The batch's
 * transaction records that its post-process is owed (`post_process_pending`); the row is
 * deleted when the hooks ran, and a sweep (`createPendingRecovery`) runs the batches a dead
 * process left behind. A hook that throws is logged, the others still run, and the batch is
 * retried by the sweep; hooks must therefore be idempotent per batch.
 */
export {
  createPostProcess,
  type PostProcessBatch,
  type PostProcessHook,
  type ProcessedEventSummary,
  recordPendingBatch,
} from './post-process.js';
export { createPendingRecovery, PENDING_RECOVERY, type PendingRecovery } from './recover-pending.js';
