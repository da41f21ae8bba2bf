// report — the results file (JSON, the contract the smoke test checks) and its markdown
// rendering. Must not measure anything: it only shapes what the stages measured.

export type { LogsBenchResult, LogsTargetResult } from './logs-results.js';
export { machineInfo } from './machine.js';
export { renderMarkdown } from './markdown.js';
export type {
  BenchResults,
  MachineInfo,
  PhaseFigures,
  ProcessingFigures,
  QueryBenchResult,
  QueryFigures,
  QueryTargetResult,
  ScaledSpanQuery,
  SeedFigures,
  SpanSeedFigures,
  SpansBenchResult,
  SpansIngestResult,
  SpansQueryTargetResult,
  TargetResult,
  TimelineSample,
} from './results.js';
export { SESSIONS_QUERY_TARGET_MS, type SessionsBenchResult, type SessionsTargetResult } from './sessions-results.js';
export { writeResults } from './write-results.js';
