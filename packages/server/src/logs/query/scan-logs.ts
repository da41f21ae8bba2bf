import type { LogLine } from '../log-line.js';
import type { LogsRepo } from '../store/logs-repo.js';
import type { LogProject } from './log-fields.js';
import type { CompiledLogFilters } from './log-filters.js';

/**
 * Reads the lines a query may match: blocks of the projects overlapping the window, newest
 * first, skipped whole by the severity bitmask and the trace index where the query allows, and
 * each line checked against the window and the filters. Bounded: after `budgetLines` lines read
 * it stops and says the answer is partial (`dataScanned: "partial"`, as Sentry flags sampled
 * results). `stopBefore` lets a newest-first listing end as soon as no older block can change it.
 */
export interface LogScope {
  readonly projects: readonly LogProject[];
  /** epoch seconds, end exclusive */
  readonly start: number;
  readonly end: number;
  readonly filters: CompiledLogFilters;
}

export const SCAN_BUDGET_LINES = 2_000_000;
/** Blocks per read: few at first (a stream's newest page is in the first one or two), more as a scan goes on. */
const FIRST_READ = 4;
const MAX_READ = 64;

export async function scanLogs(
  repo: LogsRepo,
  scope: LogScope,
  visit: (line: LogLine, project: LogProject) => void,
  stopBefore?: (blockEndMs: number) => boolean,
  budgetLines = SCAN_BUDGET_LINES,
): Promise<{ partial: boolean }> {
  const byId = new Map(scope.projects.map((p) => [p.id, p]));
  if (scope.filters.severityMask === 0) return { partial: false };
  let before: { endMs: number; id: number } | undefined;
  let read = 0;
  let limit = FIRST_READ;
  for (;;) {
    const blocks = await repo.blocks({
      projectIds: [...byId.keys()],
      startMs: scope.start * 1000,
      endMs: scope.end * 1000,
      severityMask: scope.filters.severityMask,
      traceId: scope.filters.traceId,
      before,
      limit,
    });
    for (const block of blocks) {
      if (stopBefore?.(block.endMs)) return { partial: false };
      const project = byId.get(block.projectId) as LogProject;
      for (const line of block.lines) {
        if (line.timestamp < scope.start || line.timestamp >= scope.end) continue;
        if (scope.filters.matches(line, project)) visit(line, project);
      }
      read += block.lines.length;
      if (read >= budgetLines) return { partial: true };
    }
    const last = blocks[blocks.length - 1];
    if (blocks.length < limit || last === undefined) return { partial: false };
    before = { endMs: last.endMs, id: last.id };
    limit = Math.min(MAX_READ, limit * 2);
  }
}
