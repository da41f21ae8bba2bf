import type { CorpusStats } from '../corpus/index.js';
import type { LoadResult } from '../load/index.js';

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

export interface QueryBenchResult {
  readonly status: 'not-available';
  readonly reason: string;
  readonly planned: string;
}

export interface BenchResults {
  readonly schemaVersion: 1;
  readonly mode: 'full' | 'smoke';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly machine: MachineInfo;
  readonly parameters: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
  readonly corpus: CorpusStats & { readonly buildMs: number };
  readonly targets: readonly TargetResult[];
  readonly query: QueryBenchResult;
}
