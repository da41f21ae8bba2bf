import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal, userJson } from '../../auth/index.js';
import { paginate, readPage } from '../../http/index.js';
import type { Store } from '../../store/index.js';
import { organizationJson, type ProjectEnvironments, projectJson } from '../read/organization-json.js';

type OrgParams = { org: string };

export function registerOrganizationRoutes(app: FastifyInstance, auth: Auth, store: Store, publicUrl: string, environmentsOf: ProjectEnvironments): void {
  app.get('/api/0/organizations/', async (request, reply) => {
    const orgs = await auth.organizations(requirePrincipal(request));
    return paginate(
      request,
      reply,
      orgs.map((org) => organizationJson(org, publicUrl)),
      readPage(request),
    );
  });

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/', async (request) => {
    const { org, role, scopes, member } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'org:read');
    // isMember false: a superuser looking in from outside (the UI says so, and every such request is audited).
    return { ...organizationJson(org, publicUrl), access: [...scopes], role, isMember: member !== null };
  });

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/projects/', async (request, reply) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'project:read');
    const projects = await store.projects.list(org.id);
    const rows = await Promise.all(projects.map(async (p) => projectJson(p, org, await store.teams.forProject(p.id), await environmentsOf(p.id))));
    return paginate(request, reply, rows, readPage(request));
  });

  // sentry-cli `organizations list` asks for regions first.
  app.get('/api/0/users/me/regions/', async (request) => {
    requirePrincipal(request);
    return { regions: [{ name: 'default', url: publicUrl }] };
  });

  app.get('/api/0/users/me/', async (request) => userJson(requirePrincipal(request).user));
}
