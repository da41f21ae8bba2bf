import type { SessionSeedOutcome } from '../seed/index.js';
import type { QueryFigures } from './results.js';

/** Issue #16's targets for the sessions stage: updates processed per second on SQLite, and the 90-day release query (docs/performance.md › Sessions). */
export const SESSIONS_PROCESSED_TARGET = 10_000;
export const SESSIONS_QUERY_TARGET_MS = 100;

/** One database's figures in the sessions stage (docs/performance.md › Sessions). */
export interface SessionsTargetResult {
  readonly name: string;
  readonly database: 'sqlite' | 'postgres';
  status: 'ok' | 'failed';
  readonly problems: string[];
  seed: SessionSeedOutcome | null;
  /** session updates (aggregates counted as their sums) per second of the worker's drain */
  updatesPerSec: number | null;
  /** individual `session` items plus aggregate lines per second: the rows the worker parsed */
  itemsPerSec: number | null;
  queries: QueryFigures[];
}

export type SessionsBenchResult =
  | { readonly status: 'skipped'; readonly reason: string }
  | {
      readonly status: 'measured';
      readonly updates: number;
      readonly releases: number;
      readonly days: number;
      readonly aggregateShare: number;
      readonly warmupRequests: number;
      readonly requests: number;
      readonly targets: readonly SessionsTargetResult[];
    };
