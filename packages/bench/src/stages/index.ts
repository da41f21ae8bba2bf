// stages — what one run does to each target: the load phases, the waits for processing,
// the backlog timeline, memory and disk; plus the query benchmark (seeded data, read API). Must not
// render or write results (report/ does) or know how a server is launched (targets.ts
// adapts baseline/ and faultline/).
export { benchTarget } from './ingest-stage.js';
export { logQueries, logsStage } from './logs-stage.js';
export { queryCacheDir, queryStage } from './query-stage.js';
export { sessionQueries, sessionsStage } from './sessions-stage.js';
export { SPANS_QUERY_TARGET_MS, spansQueryPath, spansStage } from './spans-stage.js';
export { baselineTarget, postgresTarget, sqliteTarget, type TargetSpec } from './targets.js';
