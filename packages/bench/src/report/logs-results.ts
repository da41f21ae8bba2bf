import type { LogSeedOutcome } from '../seed/index.js';
import type { QueryFigures } from './results.js';

/** Issue #19's target for the logs stage: log lines processed per second on SQLite (docs/performance.md › Logs). */
export const LOGS_PROCESSED_TARGET = 10_000;

/** One database's figures in the logs stage (docs/performance.md › Logs). */
export interface LogsTargetResult {
  readonly name: string;
  readonly database: 'sqlite' | 'postgres';
  status: 'ok' | 'failed';
  readonly problems: string[];
  seed: LogSeedOutcome | null;
  /** log lines per second of the worker's drain */
  linesPerSec: number | null;
  /** stored bytes (compressed blocks) per line */
  bytesPerLine: number | null;
  queries: QueryFigures[];
}

export type LogsBenchResult =
  | { readonly status: 'skipped'; readonly reason: string }
  | {
      readonly status: 'measured';
      readonly lines: number;
      readonly linesPerEnvelope: number;
      readonly hours: number;
      readonly warmupRequests: number;
      readonly requests: number;
      readonly targets: readonly LogsTargetResult[];
    };
