/**
 * jobs: the durable processing queue. The write side batches concurrent ingest
 * requests into one committed transaction (group commit); the worker claims queued
 * envelopes in batches and hands their items to a processor inside the transaction
 * that removes them, so nothing accepted is lost or processed twice. It must not
 * parse HTTP or decide what an item means: that is ingest's and the processor's job.
 * Also the retention job, which deletes events and parked items past their retention,
 * and the ignore-expiry job, which ends time-based ignores whose time has passed.
 */
export { createIgnoreExpiry, IGNORE_EXPIRY, type IgnoreExpiry } from './ignore-expiry.js';
export type { QueueItem } from './queue-item.js';
export { createQueueWriter, type QueueWrite, type QueueWriter } from './queue-writer.js';
export {
  createRetentionJob,
  MAX_RETENTION_DAYS,
  parseRetentionDays,
  RETENTION_DELETE_BATCH,
  type RetentionDaysResult,
  type RetentionJob,
  type RetentionRun,
} from './retention.js';
export { type AfterCommit, type CommitBatch, createWorker, type ProcessBatch, type Worker, type WorkerOptions } from './worker.js';
