import type { RepoContext, StoreExecutor } from '../../store/index.js';

/**
 * What release pages count, read from the issue tables the pipeline maintains: issues first
 * seen in a release (`issues.first_release`) and events per release (`issue_hourly`). Both
 * lookups use indexes added by 0007; nothing scans events.
 */
export function createReleaseStatsRepo({ db }: RepoContext) {
  return {
    /** `version\0projectId` → issues (not user feedback) whose first release is that version. */
    async newIssueCounts(projectIds: readonly number[], versions: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (projectIds.length === 0 || versions.length === 0) return out;
      const rows = await db
        .selectFrom('issues')
        .select(['project_id', 'first_release', (eb) => eb.fn.countAll<number>().as('n')])
        .where('project_id', 'in', projectIds)
        .where('first_release', 'in', versions)
        .where('merged_into_id', 'is', null)
        // User feedback is what people said, not a problem the release brought: it stays out of the
        // count as it stays out of the default issue stream (docs/feedback.md).
        .where('type', '!=', 'feedback')
        .groupBy(['project_id', 'first_release'])
        .execute();
      for (const r of rows) out.set(`${r.first_release}\u0000${r.project_id}`, Number(r.n));
      return out;
    },

    /** version → events of that release in these projects (hour-granular counters), optionally in one environment. */
    async eventCounts(projectIds: readonly number[], versions: readonly string[], environment?: string): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (projectIds.length === 0 || versions.length === 0) return out;
      let q = db
        .selectFrom('issue_hourly')
        .innerJoin('issues', 'issues.id', 'issue_hourly.issue_id')
        .select(['issue_hourly.release', (eb) => eb.fn.sum<number>('issue_hourly.count').as('n')])
        .where('issue_hourly.release', 'in', versions)
        .where('issues.project_id', 'in', projectIds);
      if (environment !== undefined) q = q.where('issue_hourly.environment', '=', environment);
      const rows = await q.groupBy('issue_hourly.release').execute();
      for (const r of rows) out.set(r.release, Number(r.n));
      return out;
    },

    /** Events of one release per hour since `from` (ms) in these projects: `[hour ms, count]`, oldest first. */
    async eventsPerHour(projectIds: readonly number[], version: string, from: number, environment?: string): Promise<[number, number][]> {
      if (projectIds.length === 0) return [];
      let q = db
        .selectFrom('issue_hourly')
        .innerJoin('issues', 'issues.id', 'issue_hourly.issue_id')
        .select(['issue_hourly.hour', (eb) => eb.fn.sum<number>('issue_hourly.count').as('n')])
        .where('issue_hourly.release', '=', version)
        .where('issues.project_id', 'in', projectIds)
        .where('issue_hourly.hour', '>=', from);
      if (environment !== undefined) q = q.where('issue_hourly.environment', '=', environment);
      const rows = await q.groupBy('issue_hourly.hour').orderBy('issue_hourly.hour').execute();
      return rows.map((r) => [Number(r.hour), Number(r.n)]);
    },

    /** Ids of the issues first seen in `version` in these projects, newest first (release page). */
    async newIssueIds(projectIds: readonly number[], version: string, limit: number): Promise<number[]> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('issues')
        .select('id')
        .where('project_id', 'in', projectIds)
        .where('first_release', '=', version)
        .where('merged_into_id', 'is', null)
        .orderBy('first_seen', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * "Resolved in next release" becomes "resolved in `version`" once a release newer than the
     * one recorded at resolve time exists (Sentry's clear_expired_resolutions). Only issues of
     * the given projects whose recorded release is older than `createdAt` (or gone) move.
     */
    async promoteNextReleaseResolutions(
      trx: StoreExecutor,
      orgId: number,
      projectIds: readonly number[],
      release: { id: number; version: string; createdAt: number },
    ): Promise<number> {
      if (projectIds.length === 0) return 0;
      const r = await trx
        .updateTable('issues')
        .set({ resolution: 'in_release', resolved_in_release: release.version })
        .where('project_id', 'in', projectIds)
        .where('status', '=', 'resolved')
        .where('resolution', '=', 'in_next_release')
        .where((eb) =>
          eb.or([
            eb('resolved_in_release', 'is', null),
            eb.and([
              eb('resolved_in_release', '!=', release.version),
              // the recorded release is not newer than this one (same order as compareReleases)
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('releases')
                    .select('releases.id')
                    .where('releases.org_id', '=', orgId)
                    .whereRef('releases.version', '=', 'issues.resolved_in_release')
                    .where((w) =>
                      w.or([
                        w('releases.created_at', '>', release.createdAt),
                        w.and([w('releases.created_at', '=', release.createdAt), w('releases.id', '>', release.id)]),
                      ]),
                    ),
                ),
              ),
            ]),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}

export type ReleaseStatsRepo = ReturnType<typeof createReleaseStatsRepo>;
