import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject, optionalString, paginate, readPage } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Organization } from '../../organizations/index.js';
import { createProvisioning, isValidSlug, type ProjectEnvironments, projectJson, slugify, teamJson } from '../../organizations/index.js';
import type { Store } from '../../store/index.js';
import type { Team } from '../store/teams.js';

type OrgParams = { org: string };
type TeamParams = { org: string; team: string };
type ProjectTeamParams = { org: string; project: string; team: string };

/** Teams (Sentry paths): list with member counts and projects, create, delete, and project ownership. */
export function registerTeamRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store; environmentsOf: ProjectEnvironments }): void {
  const { auth, store } = deps;

  async function teamOrFail(org: Organization, slug: string): Promise<Team> {
    const team = await store.teams.bySlug(org.id, slug);
    if (!team) fail('not_found', 'Team not found');
    return team;
  }

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/teams/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'org:read');
    const [teams, details, me] = await Promise.all([
      store.teams.list(org.id),
      store.teams.details(org.id),
      store.members.find(org.id, requirePrincipal(request).user.id),
    ]);
    const mine = new Set(me ? ((await store.members.teamSlugs(org.id)).get(me.id) ?? []) : []);
    const rows = teams.map((t) => {
      const d = details.get(t.id);
      return {
        ...teamJson(t),
        isMember: mine.has(t.slug),
        isPending: false,
        hasAccess: true,
        avatar: { avatarType: 'letter_avatar', avatarUuid: null },
        memberCount: d?.memberCount ?? 0,
        projects: (d?.projects ?? []).map((p) => ({ id: String(p.id), slug: p.slug, name: p.name })),
      };
    });
    return paginate(request, reply, rows, readPage(request));
  });

  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/teams/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'team:write');
    const body = jsonObject(request.body);
    const name = optionalString(body, 'name', 100)?.trim();
    const slug = optionalString(body, 'slug', 50)?.trim() || (name ? slugify(name) : '');
    if (!slug) fail('validation_failed', 'slug or name is required');
    if (!isValidSlug(slug)) fail('validation_failed', `invalid team slug "${slug}": use lowercase letters, digits, - and _`);
    if (await store.teams.bySlug(org.id, slug)) fail('conflict', `A team with the slug "${slug}" already exists`);
    const team = await store.teams.create(org.id, slug, name || slug);
    return reply.code(201).send({
      ...teamJson(team),
      isMember: false,
      isPending: false,
      hasAccess: true,
      avatar: { avatarType: 'letter_avatar', avatarUuid: null },
      memberCount: 0,
      projects: [],
    });
  });

  // A new project owned by a team (Sentry's "Create a New Project"; the MCP server's create_project):
  // provisioned as `faultline bootstrap` provisions one (a DSN, the default alert rule), then given to the team.
  app.post<{ Params: TeamParams }>('/api/0/teams/:org/:team/projects/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'project:write');
    const team = await teamOrFail(org, request.params.team);
    const body = jsonObject(request.body);
    const name = optionalString(body, 'name', 50)?.trim();
    const slug = optionalString(body, 'slug', 50)?.trim() || (name ? slugify(name) : '');
    if (!slug) fail('validation_failed', 'name is required');
    if (!isValidSlug(slug)) fail('validation_failed', `invalid project slug "${slug}": use lowercase letters, digits, - and _`);
    if (await store.projects.bySlug(org.id, slug)) fail('conflict', 'A project with this slug already exists.');
    const platform = optionalString(body, 'platform', 64) ?? null;
    const { project } = await createProvisioning(store).ensureProject(org, { slug, name: name || slug, platform });
    await store.teams.addProject(team.id, project.id);
    return reply.code(201).send(projectJson(project, org, await store.teams.forProject(project.id)));
  });

  app.get<{ Params: { org: string; project: string } }>('/api/0/projects/:org/:project/teams/', async (request, reply) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:read');
    return paginate(request, reply, (await store.teams.forProject(project.id)).map(teamJson), readPage(request));
  });

  // A team's projects, as Grafana's team-projects variable lists them (docs/grafana.md).
  app.get<{ Params: TeamParams }>('/api/0/teams/:org/:team/projects/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'project:read');
    const team = await teamOrFail(org, request.params.team);
    const projects = await store.projects.list(org.id);
    const owned = [];
    for (const p of projects) {
      const teams = await store.teams.forProject(p.id);
      if (teams.some((t) => t.id === team.id)) owned.push(projectJson(p, org, teams, await deps.environmentsOf(p.id)));
    }
    return paginate(request, reply, owned, readPage(request));
  });

  app.delete<{ Params: TeamParams }>('/api/0/teams/:org/:team/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'team:admin');
    await store.teams.remove((await teamOrFail(org, request.params.team)).id);
    return reply.code(204).send();
  });

  app.post<{ Params: ProjectTeamParams }>('/api/0/projects/:org/:project/teams/:team/', async (request, reply) => {
    const { org, project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:write');
    await store.teams.addProject((await teamOrFail(org, request.params.team)).id, project.id);
    return reply.code(201).send(projectJson(project, org, await store.teams.forProject(project.id)));
  });

  app.delete<{ Params: ProjectTeamParams }>('/api/0/projects/:org/:project/teams/:team/', async (request) => {
    const { org, project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:write');
    await store.teams.removeProject((await teamOrFail(org, request.params.team)).id, project.id);
    return projectJson(project, org, await store.teams.forProject(project.id));
  });
}
