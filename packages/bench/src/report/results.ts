import type { CorpusStats, SpanCorpusStats } from '../corpus/index.js';
import type { LoadResult } from '../load/index.js';
import type { LogsBenchResult } from './logs-results.js';
import type { SessionsBenchResult } from './sessions-results.js';

// The results file (results/latest.json). Figures a stage could not measure are null, never
// invented; `problems` says why.

export type PhaseFigures = Omit<LoadResult, 'type'> & {
  /** CPU the server process used during the phase, % of one core (Linux /proc). */
  readonly serverCpuPercent: number | null;
};

export interface TimelineSample {
  /** Milliseconds since the target's server was ready. */
  readonly tMs: number;
  readonly phase: string;
  /** Envelopes answered 200 so far (all kinds). */
  readonly accepted: number;
  /** Accepted envelopes of the kinds the probe counts: what `processed` should reach. */
  readonly expected: number;
  readonly processed: number | null;
  /** max(0, expected − processed): accepted but not processed yet. */
  readonly backlog: number | null;
  readonly rssBytes: number | null;
}

export interface ProcessingFigures {
  readonly status: 'measured' | 'n/a';
  readonly reason: string | null;
  readonly probe: string;
  /** Envelope kinds the probe's count covers (today: error events and transactions). */
  readonly counts: readonly string[];
  /** Accepted envelopes of those kinds over the whole run: what the pipeline should end up storing. */
  readonly expected: number;
  readonly processed: number | null;
  /** Events processed per second from the start of the saturation phase until processing stopped rising. */
  readonly processedPerSec: number | null;
  readonly drained: boolean;
  readonly drainWaitMs: number;
}

export interface DiskFigures {
  /** What was measured: a data directory (du) or a PostgreSQL schema (relation sizes). */
  readonly measured: string;
  readonly bytes: number;
  readonly bytesPerProcessedEvent: number | null;
  readonly bytesPerAcceptedEnvelope: number | null;
}

export interface TargetResult {
  readonly name: string;
  readonly kind: 'baseline' | 'faultline';
  readonly database: 'none' | 'sqlite' | 'postgres';
  status: 'ok' | 'failed';
  readonly problems: string[];
  openLoop: PhaseFigures | null;
  saturation: PhaseFigures | null;
  processing: ProcessingFigures | null;
  peakRssBytes: number | null;
  disk: DiskFigures | null;
  acceptedRatioToBaseline: number | null;
  timeline: TimelineSample[];
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemBytes: number;
  readonly platform: string;
  readonly osRelease: string;
  readonly arch: string;
  readonly node: string;
  /** os.loadavg() when the run started: other work on the machine makes every figure lower. */
  readonly loadAverageAtStart: readonly number[];
}

/** One endpoint measured with sequential requests on an otherwise idle server. */
export interface QueryFigures {
  readonly name: string;
  /** what was requested; `{issue}` stands for the rotating issue ids */
  readonly path: string;
  /** measured requests (after the warm-up) */
  readonly requests: number;
  /** answers other than 200 among them */
  readonly errors: number;
  readonly meanMs: number | null;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /** items in the last answer (issues listed) or null when the answer is not a list */
  readonly rows: number | null;
  /** issue #8's p95 target for this query, null where it sets none */
  readonly targetP95Ms: number | null;
  readonly met: boolean | null;
}

/** What the seeded data set holds, counted after seeding. */
export interface SeedFigures {
  readonly requestedEvents: number;
  readonly requestedIssues: number;
  readonly events: number;
  readonly issues: number;
  readonly issueTags: number;
  readonly issueHourly: number;
  readonly issueUsers: number;
  readonly largestIssueEvents: number;
  readonly days: number;
  /** the seed came from the cache (packages/bench/.work) instead of being made in this run */
  readonly reused: boolean;
  /** a reused seed was made by other row-writing server code than this run's build */
  readonly pipelineChanged: boolean;
  readonly seededAt: string;
  /** how long making it took (in the run that made it), and the rate */
  readonly seedMs: number;
  readonly eventsPerSec: number;
  readonly cacheKey: string | null;
}

export interface QueryTargetResult {
  readonly name: string;
  readonly database: 'sqlite' | 'postgres';
  status: 'ok' | 'failed';
  readonly problems: string[];
  seed: SeedFigures | null;
  /** ids of the issues the issue-page requests rotate over, with their event counts */
  sampleIssues: { id: string; events: number }[];
  queries: QueryFigures[];
}

export type QueryBenchResult =
  | { readonly status: 'skipped'; readonly reason: string }
  | {
      readonly status: 'measured';
      readonly warmupRequests: number;
      readonly requests: number;
      readonly targets: readonly QueryTargetResult[];
    };

export interface BenchResults {
  readonly schemaVersion: 2;
  readonly mode: 'full' | 'smoke';
  /** the stages this run ran (`--only`) */
  readonly stages: readonly ('ingest' | 'query' | 'spans' | 'sessions' | 'logs')[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly machine: MachineInfo;
  readonly parameters: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
  /** the ingest corpus; null when the ingest stage did not run */
  readonly corpus: (CorpusStats & { readonly buildMs: number }) | null;
  readonly targets: readonly TargetResult[];
  readonly query: QueryBenchResult;
  readonly spans: SpansBenchResult;
  readonly sessions: SessionsBenchResult;
  /** absent in results written before the logs stage existed */
  readonly logs?: LogsBenchResult;
}

/** One database's ingest figures for the spans corpus: the ingest stage's, counted in trace segments. */
export interface SpansIngestResult {
  readonly target: TargetResult;
  /** spans per envelope of the corpus (segment span included): turns segments into spans */
  readonly spansPerEnvelope: number;
  /** disk of the whole run (queue included) divided by the spans processed: an upper bound, see the seeded figure */
  readonly diskBytesPerSpan: number | null;
}

/** The data set the query was measured on, counted after seeding. */
export interface SpanSeedFigures {
  readonly requestedSpans: number;
  readonly hours: number;
  readonly envelopes: number;
  /** spans the generator sent; `spans` is what the server stored */
  readonly spansSent: number;
  readonly segments: number;
  readonly spans: number;
  readonly perfRollups: number;
  /** hourly transaction rollups: per key (0016) and per name (0018), what the measured query reads for whole hours */
  readonly perfRollupsHourly: number;
  readonly perfRollupsHourlyNames: number;
  readonly spanRollups: number;
  readonly perfUsers: number;
  /** v1 transactions are also stored as events */
  readonly events: number;
  readonly seedMs: number;
  /** spans/s and requests/s through the pipeline while seeding */
  readonly spansPerSec: number;
  readonly envelopesPerSec: number;
  readonly compactMs: number;
  readonly tableSizes: { readonly measured: string; readonly tables: Readonly<Record<string, number>>; readonly totalBytes: number } | null;
  /** trace_segments + perf_rollups (minutes and hours) + span_rollups + span_descriptions + perf_users, per stored span */
  readonly performanceBytesPerSpan: number | null;
  /** every table per stored span: the v1 transactions' `events` rows included; SQLite's free pages (the drained queue's) not */
  readonly allTablesBytesPerSpan: number | null;
  /** du of the data directory (SQLite: includes the pages the drained queue freed) */
  readonly dataDirBytes: number | null;
}

export interface SpansQueryTargetResult {
  readonly name: string;
  readonly database: 'sqlite' | 'postgres';
  status: 'ok' | 'failed';
  readonly problems: string[];
  seed: SpanSeedFigures | null;
  query: QueryFigures | null;
  /** the same query after `--spans-scale`: scaled rows, not seeded spans */
  scaled: ScaledSpanQuery | null;
}

/** The query on the seeded data set's transaction rollup rows multiplied `scale` times (docs/performance.md › Spans). */
export interface ScaledSpanQuery {
  readonly scale: number;
  readonly copiedRows: number;
  readonly compactMs: number;
  readonly counts: { readonly perfRollups: number; readonly perfRollupsHourly: number; readonly perfRollupsHourlyNames: number };
  readonly query: QueryFigures | null;
}

export type SpansBenchResult =
  | { readonly status: 'skipped'; readonly reason: string }
  | {
      readonly status: 'measured';
      readonly corpus: SpanCorpusStats & { readonly buildMs: number };
      readonly ingest: readonly SpansIngestResult[];
      readonly warmupRequests: number;
      readonly requests: number;
      readonly queries: readonly SpansQueryTargetResult[];
    };
