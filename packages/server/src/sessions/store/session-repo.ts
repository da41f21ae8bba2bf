import type { RepoContext, StoreExecutor } from '../../store/index.js';
import type { SessionRows } from '../session-deltas.js';
import { type FoldResult, foldSessionSetDays } from './session-set-days.js';
import { querySessionStats, releasesWithSessions, type SessionGroupStats, type SessionStatsQuery, sessionBounds } from './session-stats-query.js';
import { deleteSessionsBefore, writeSessionRows } from './session-writes.js';

/** The release-health tables: the pipeline's batched writes, the windowed reads, packing closed days, retention. */
export function createSessionRepo(ctx: RepoContext) {
  return {
    write: (trx: StoreExecutor, rows: SessionRows): Promise<void> => writeSessionRows(trx, rows),
    stats: (q: SessionStatsQuery): Promise<SessionGroupStats[]> => querySessionStats(ctx.db, q),
    bounds: (projectId: number, release: string) => sessionBounds(ctx.db, projectId, release),
    /** the (project, release) pairs with any session counters left */
    releasesWithSessions: (projectIds: readonly number[], environments?: readonly string[]) => releasesWithSessions(ctx.db, projectIds, environments),
    deleteBefore: (projectId: number, before: number): Promise<number> => deleteSessionsBefore(ctx.db, projectId, before),
    /** packs the distinct sets of days no session update can reach any more (session-set-days.ts) */
    foldClosedDays: (now: number, signal?: AbortSignal): Promise<FoldResult> => foldSessionSetDays(ctx.db, now, signal),
  };
}

export type SessionRepo = ReturnType<typeof createSessionRepo>;
