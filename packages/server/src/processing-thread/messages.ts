import type { Config } from '../config/index.js';
import type { PostProcessBatch } from '../process/index.js';
import type { StoreOptions } from '../store/index.js';

/** What a processing thread is started with (structured-cloned: no functions, so no clock). */
export interface ThreadData {
  config: Config;
  store: Omit<StoreOptions, 'clock'>;
  /** this thread's share of the queue (used on SQLite, where claims do not lock rows) */
  partition?: { index: number; count: number };
}

export type ToThread =
  | { type: 'start' }
  | { type: 'notify' }
  | { type: 'forget-source-maps' }
  | { type: 'run-once'; id: number; limit?: number | undefined }
  | { type: 'drain'; id: number; timeoutMs: number }
  | { type: 'stop'; id: number };

export type FromThread =
  | { type: 'processed'; batch: PostProcessBatch }
  | { type: 'reply'; id: number; ok: true; value: number }
  | { type: 'reply'; id: number; ok: false; message: string };
