/**
 * processing-thread: runs the queue worker (claim → pipeline → commit) on worker threads,
 * each with its own database connection, so processing CPU never blocks ingest on the main
 * event loop. A composition root like app.ts, for the thread's side; it must not hold domain
 * logic: the worker is jobs/, the pipeline process/, and post-process hooks stay on the main
 * thread (summaries are posted back).
 */
export { createThreadedWorker, type ThreadedWorker, type ThreadedWorkerOptions } from './threaded-worker.js';
