/**
 * logs — Sentry Logs (user guide docs/logs.md): the `log` item's parser, the stored line
 * (compressed blocks per project and batch, indexed by time, trace and severity), the logs
 * dataset of the events API (stream, aggregates, charts, attribute names, trace-meta's count),
 * the single-item route and retention. Must not import process/ (the pipeline's log stage calls
 * in here and scrubs before anything is stored) nor know who the caller is (api/ passes in the
 * caller's projects).
 */

export { LOG_LEVELS, type LogAttribute, type LogLevel, type LogLine, levelIndex, SEVERITY_NUMBERS } from './log-line.js';
export { type LogParseContext, type LogParseResult, newLogItemId, parseLogContainer } from './log-parser.js';
export { createLogsDatasets, LOGS_MAX_PER_PAGE } from './logs-dataset.js';
export { createLogRetention, LOG_RETENTION, type LogRetention } from './logs-retention.js';
export { type LogsApiDeps, registerLogsApi } from './routes/index.js';
export { decodeLogBlock, encodeLogBlock } from './store/log-block.js';
export { type LogBatch, type LogRows, type LogsRepo, prepareLogRows } from './store/logs-repo.js';
export { logRepositories } from './store/repositories.js';
