import type { Selectable } from 'kysely';
import type { DeployTable, RepoContext } from '../../store/index.js';

export interface Deploy {
  id: number;
  releaseId: number;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: number | null;
  dateFinished: number;
}

export type NewDeploy = Omit<Deploy, 'id'>;

function toDeploy(r: Selectable<DeployTable>): Deploy {
  return {
    id: r.id,
    releaseId: r.release_id,
    environment: r.environment,
    name: r.name,
    url: r.url,
    dateStarted: r.date_started,
    dateFinished: r.date_finished,
  };
}

/** Deploys of a release to an environment (`sentry-cli deploys new`). */
export function createDeployRepo({ db }: RepoContext) {
  return {
    async create(orgId: number, input: NewDeploy): Promise<Deploy> {
      const row = await db
        .insertInto('deploys')
        .values({
          org_id: orgId,
          release_id: input.releaseId,
          environment: input.environment,
          name: input.name,
          url: input.url,
          date_started: input.dateStarted,
          date_finished: input.dateFinished,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDeploy(row);
    },

    /** Newest first. */
    async forRelease(releaseId: number): Promise<Deploy[]> {
      const rows = await db
        .selectFrom('deploys')
        .selectAll()
        .where('release_id', '=', releaseId)
        .orderBy('date_finished', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toDeploy);
    },

    /** release id → deploy count and the newest deploy, for release lists. */
    async summaries(releaseIds: readonly number[]): Promise<Map<number, { count: number; last: Deploy }>> {
      const out = new Map<number, { count: number; last: Deploy }>();
      if (releaseIds.length === 0) return out;
      const rows = await db
        .selectFrom('deploys')
        .selectAll()
        .where('release_id', 'in', releaseIds)
        .orderBy('date_finished', 'asc')
        .orderBy('id', 'asc')
        .execute();
      for (const r of rows) {
        const prev = out.get(r.release_id);
        out.set(r.release_id, { count: (prev?.count ?? 0) + 1, last: toDeploy(r) });
      }
      return out;
    },
  };
}

export type DeployRepo = ReturnType<typeof createDeployRepo>;
