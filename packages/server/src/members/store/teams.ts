import type { RepoContext } from '../../store/index.js';

export interface Team {
  id: number;
  orgId: number;
  slug: string;
  name: string;
  createdAt: number;
}

const toTeam = (r: { id: number; org_id: number; slug: string; name: string; created_at: number }): Team => ({
  id: r.id,
  orgId: r.org_id,
  slug: r.slug,
  name: r.name,
  createdAt: r.created_at,
});

export function createTeamRepo({ db, clock }: RepoContext) {
  return {
    async create(orgId: number, slug: string, name: string): Promise<Team> {
      const r = await db.insertInto('teams').values({ org_id: orgId, slug, name, created_at: clock.now() }).returningAll().executeTakeFirstOrThrow();
      return toTeam(r);
    },
    async list(orgId: number): Promise<Team[]> {
      const rows = await db.selectFrom('teams').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
      return rows.map(toTeam);
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
      return rows.map(toTeam);
    },
    /** A team by slug, only within its organization. */
    async bySlug(orgId: number, slug: string): Promise<Team | undefined> {
      const r = await db.selectFrom('teams').selectAll().where('org_id', '=', orgId).where('slug', '=', slug).executeTakeFirst();
      return r && toTeam(r);
    },
    /** Deletes the team; its member and project links go with it (foreign key cascade). */
    async remove(teamId: number): Promise<void> {
      await db.deleteFrom('teams').where('id', '=', teamId).execute();
    },
    async removeMember(teamId: number, memberId: number): Promise<void> {
      await db.deleteFrom('team_members').where('team_id', '=', teamId).where('member_id', '=', memberId).execute();
    },
    async removeProject(teamId: number, projectId: number): Promise<void> {
      await db.deleteFrom('project_teams').where('team_id', '=', teamId).where('project_id', '=', projectId).execute();
    },
    /** Per team of an organization: its member count and its projects (the team list shows both). */
    async details(orgId: number): Promise<Map<number, { memberCount: number; projects: { id: number; slug: string; name: string }[] }>> {
      const counts = await db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select((eb) => ['teams.id', eb.fn.countAll<number>().as('n')])
        .where('teams.org_id', '=', orgId)
        .groupBy('teams.id')
        .execute();
      const projects = await db
        .selectFrom('project_teams')
        .innerJoin('teams', 'teams.id', 'project_teams.team_id')
        .innerJoin('projects', 'projects.id', 'project_teams.project_id')
        .select(['teams.id as team_id', 'projects.id', 'projects.slug', 'projects.name'])
        .where('teams.org_id', '=', orgId)
        .orderBy('projects.slug')
        .execute();
      const out = new Map<number, { memberCount: number; projects: { id: number; slug: string; name: string }[] }>();
      const entry = (id: number) => {
        const e = out.get(id) ?? { memberCount: 0, projects: [] };
        out.set(id, e);
        return e;
      };
      for (const c of counts) entry(c.id).memberCount = Number(c.n);
      for (const p of projects) entry(p.team_id).projects.push({ id: p.id, slug: p.slug, name: p.name });
      return out;
    },
  };
}

export type TeamRepo = ReturnType<typeof createTeamRepo>;
