import type { CorpusFiles, EnvelopeKind } from '../corpus/index.js';

// What the orchestrator and a load-generator process say to each other over the IPC
// channel. Plain data only: it crosses a process boundary.

export interface LoadTarget {
  readonly host: string;
  readonly port: number;
  /** Path and query, e.g. `/api/1/envelope/?sentry_version=7&sentry_key=…`. */
  readonly path: string;
}

export type LoadPhase =
  /** Saturation: `concurrency` requests always in flight; measures the server's ceiling. */
  | { readonly mode: 'closed'; readonly concurrency: number; readonly durationMs: number; readonly warmupMs: number }
  /** Fixed offered rate on a timetable independent of responses (no coordinated omission). */
  | { readonly mode: 'open'; readonly ratePerSec: number; readonly durationMs: number; readonly maxOutstanding: number };

export interface LoadJob {
  readonly target: LoadTarget;
  readonly corpus: CorpusFiles;
  readonly connections: number;
  readonly phase: LoadPhase;
  /** 24 hex digits, distinct per phase, so event ids never repeat within a server's life. */
  readonly idPrefix: string;
  readonly requestTimeoutMs: number;
  readonly progressEveryMs: number;
}

export type KindCounts = Record<EnvelopeKind, number>;

export interface LatencySummary {
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface LoadProgress {
  readonly type: 'progress';
  readonly elapsedMs: number;
  readonly sent: number;
  readonly accepted: number;
  readonly acceptedByKind: KindCounts;
}

export interface LoadResult {
  readonly type: 'result';
  readonly mode: LoadPhase['mode'];
  /** The measured window (warm-up excluded). */
  readonly windowMs: number;
  readonly concurrency: number | null;
  readonly connections: number;
  readonly offeredPerSec: number | null;
  readonly sent: number;
  /** Answered 200 (the server's "durably accepted"), over the whole phase. */
  readonly accepted: number;
  readonly acceptedByKind: KindCounts;
  /** 200 answers completed inside the window, per second. */
  readonly acceptedPerSec: number;
  /** Status code → count, for every answer. */
  readonly responses: Readonly<Record<string, number>>;
  /** Network error code → count (refused, reset, timeout…). */
  readonly errors: Readonly<Record<string, number>>;
  /** Open loop: sends not made because too many were outstanding. */
  readonly skipped: number;
  /** A few non-200 answers and errors verbatim, to say what went wrong. */
  readonly failureSamples: readonly string[];
  /** Of accepted requests that started in the window; from the scheduled time in open loop. */
  readonly latency: LatencySummary | null;
  readonly bytesSent: number;
  /** CPU the generator process used over the phase, % of one core: near 100 means it, not the server, was the limit. */
  readonly generatorCpuPercent: number;
}

/** Sent once the corpus is loaded and the first request is about to go out. */
export interface LoadStarted {
  readonly type: 'started';
}

export interface LoadFailure {
  readonly type: 'failure';
  readonly message: string;
}

export type WorkerMessage = LoadStarted | LoadProgress | LoadResult | LoadFailure;
