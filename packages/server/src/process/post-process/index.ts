/**
 * process/post-process — the last stage: runs after a batch has committed, with one summary
 * per stored error event (its issue, whether the issue is new, regressed or came back from
 * being ignored, and the event's tags). Alerting registers its hooks here. Must not write in
 * the batch's transaction (it is over) and must not fail the batch: a hook that throws is
 * logged and the others still run.
 */
export { createPostProcess, type PostProcessHook, type ProcessedEventSummary } from './post-process.js';
