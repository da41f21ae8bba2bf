/**
 * jobs: the durable processing queue. The write side batches concurrent ingest
 * requests into one committed transaction (group commit); the worker claims queued
 * envelopes in batches and hands their items to a processor inside the transaction
 * that removes them, so nothing accepted is lost or processed twice. It must not
 * parse HTTP or decide what an item means: that is ingest's and the processor's job.
 * Also the one leased scheduler, where every periodic sweep registers (whichever domain owns
 * the sweep), so each runs once across processes whether or not alerting is enabled; and
 * two of those sweeps: retention, which deletes events and parked items past their
 * retention, and ignore expiry, which ends time-based ignores whose time has passed.
 */
export { createIgnoreExpiry, IGNORE_EXPIRY, type IgnoreExpiry } from './ignore-expiry.js';
export type { QueueItem } from './queue-item.js';
export { createQueueWriter, type QueueWrite, type QueueWriter } from './queue-writer.js';
export {
  createRetentionJob,
  MAX_RETENTION_DAYS,
  parseRetentionDays,
  RETENTION,
  RETENTION_DELETE_BATCH,
  type RetentionDaysResult,
  type RetentionJob,
  type RetentionRun,
} from './retention.js';
export { createScheduler, type ScheduledTask, type Scheduler, type SchedulerDeps } from './scheduler.js';
export { type AfterCommit, type CommitBatch, createWorker, type ProcessBatch, type Worker, type WorkerOptions } from './worker.js';
