import type { RepoContext } from './repo-context.js';

export interface Team {
  id: number;
  orgId: number;
  slug: string;
  name: string;
  createdAt: number;
}

export function createTeamRepo({ db, clock }: RepoContext) {
  return {
    async create(orgId: number, slug: string, name: string): Promise<Team> {
      const r = await db.insertInto('teams').values({ org_id: orgId, slug, name, created_at: clock.now() }).returningAll().executeTakeFirstOrThrow();
      return { id: r.id, orgId: r.org_id, slug: r.slug, name: r.name, createdAt: r.created_at };
    },
    async list(orgId: number): Promise<Team[]> {
      const rows = await db.selectFrom('teams').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, orgId: r.org_id, slug: r.slug, name: r.name, createdAt: r.created_at }));
    },
    async addMember(teamId: number, memberId: number): Promise<void> {
      await db
        .insertInto('team_members')
        .values({ team_id: teamId, member_id: memberId })
        .onConflict((oc) => oc.columns(['team_id', 'member_id']).doNothing())
        .execute();
    },
    async addProject(teamId: number, projectId: number): Promise<void> {
      await db
        .insertInto('project_teams')
        .values({ team_id: teamId, project_id: projectId })
        .onConflict((oc) => oc.columns(['project_id', 'team_id']).doNothing())
        .execute();
    },
    /** The teams that own a project (Sentry shows the first as `team`). */
    async forProject(projectId: number): Promise<Team[]> {
      const rows = await db
        .selectFrom('teams')
        .innerJoin('project_teams', 'project_teams.team_id', 'teams.id')
        .selectAll('teams')
        .where('project_teams.project_id', '=', projectId)
        .orderBy('teams.id')
        .execute();
      return rows.map((r) => ({ id: r.id, orgId: r.org_id, slug: r.slug, name: r.name, createdAt: r.created_at }));
    },
  };
}

export type TeamRepo = ReturnType<typeof createTeamRepo>;
