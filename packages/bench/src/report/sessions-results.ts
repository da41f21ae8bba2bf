import type { SessionSeedOutcome } from '../seed/index.js';
import type { QueryFigures } from './results.js';

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
