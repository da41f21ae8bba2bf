import { type EventsDataset, type EventsDatasets, parseField } from '../performance/index.js';
import { compileAggregate } from './query/log-aggregates.js';
import { logAttributes } from './query/log-attributes.js';
import { resolveLogField } from './query/log-fields.js';
import { runLogsStats } from './query/logs-stats.js';
import { runLogsTable } from './query/logs-table.js';
import type { LogsRepo } from './store/logs-repo.js';

/** Sentry allows pages of up to 9,999 log lines (docs/logs.md › API). */
export const LOGS_MAX_PER_PAGE = 9_999;

/**
 * The logs dataset as the events routes take it (api/ hands it to performance/'s routes):
 * `dataset=logs` and its deprecated alias `ourlogs`, and `itemType=logs` of trace-items.
 */
export function createLogsDatasets(repo: LogsRepo): EventsDatasets {
  const logs: EventsDataset = {
    maxPerPage: LOGS_MAX_PER_PAGE,
    table: (request, projects) => runLogsTable(repo, request, projects),
    stats: (params, projects, nowMs) => runLogsStats(repo, params, projects, nowMs),
    attributes: (params, projects) => logAttributes(repo, params, projects),
    countInTrace: (projectIds, traceId) => repo.countInTrace(projectIds, traceId),
    checkField: (spelling) => {
      const f = parseField(spelling);
      if (f.kind === 'function') compileAggregate(f);
      else resolveLogField(f.column);
    },
  };
  return { logs, ourlogs: logs };
}
