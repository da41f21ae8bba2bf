import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Auth, requirePrincipal } from '../auth/index.js';
import { paginate, readPage } from '../http/index.js';
import { fail } from '../kernel/index.js';

/**
 * Sentry features Faultline does not have — custom dashboards, uptime checks, AI agent
 * conversations, code mappings, profiles, build snapshots (docs/mcp.md › What Faultline does not have) — answered the way Sentry answers an
 * organization that has none: empty lists, and 404 with a detail saying why for one item.
 * API clients that look for them (the Sentry MCP server's find_dashboards, find_uptime_monitors,
 * search_agent_conversations) then tell their user so, instead of failing on a missing route.
 */
export function registerAbsentFeatureRoutes(app: FastifyInstance, auth: Auth): void {
  const inOrg = (request: FastifyRequest<{ Params: { org: string } }>) => auth.orgAccess(requirePrincipal(request), request.params.org, 'org:read');
  const inProject = (request: FastifyRequest<{ Params: { org: string; project: string } }>) =>
    auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:read');

  const lists = {
    dashboards: '/api/0/organizations/:org/dashboards/',
    uptime: '/api/0/organizations/:org/uptime/',
    conversations: '/api/0/organizations/:org/agents/conversations/',
  } as const;
  for (const path of Object.values(lists)) {
    app.get<{ Params: { org: string } }>(path, async (request, reply) => {
      await inOrg(request);
      return paginate(request, reply, [], readPage(request));
    });
  }
  app.get<{ Params: { org: string; id: string } }>(`${lists.dashboards}:id/`, async (request) => {
    await inOrg(request);
    return fail('not_found', 'Faultline has no dashboards');
  });
  app.get<{ Params: { org: string; id: string } }>(`${lists.conversations}:id/`, async (request) => {
    await inOrg(request);
    return fail('not_found', 'Faultline does not record AI agent conversations');
  });
  // A frame's link to its source in a repository needs code mappings, which Faultline does not
  // keep: Sentry's answer for a project without them.
  app.get<{ Params: { org: string; project: string } }>('/api/0/projects/:org/:project/stacktrace-link/', async (request) => {
    await inProject(request);
    return { config: null, sourceUrl: null, integrations: [] };
  });
  // Profiles (flame graphs, continuous-profiling chunks) and mobile build snapshots are not stored:
  // each read is a 404 saying so rather than a missing route.
  const absent = (detail: string) => async (request: FastifyRequest<{ Params: { org: string } }>) => {
    await inOrg(request);
    return fail('not_found', detail);
  };
  const NO_PROFILES = 'Faultline does not store profiles';
  app.get<{ Params: { org: string } }>('/api/0/organizations/:org/profiling/flamegraph/', absent(NO_PROFILES));
  app.get<{ Params: { org: string } }>('/api/0/organizations/:org/profiling/chunks/', absent(NO_PROFILES));
  app.get<{ Params: { org: string; project: string; id: string } }>('/api/0/projects/:org/:project/profiling/profiles/:id/', async (request) => {
    await inProject(request);
    return fail('not_found', NO_PROFILES);
  });
  app.get<{ Params: { org: string } }>('/api/0/organizations/:org/preprodartifacts/snapshots/*', absent('Faultline does not store build snapshots'));
  const uptime = '/api/0/projects/:org/:project/uptime/';
  app.get<{ Params: { org: string; project: string } }>(uptime, async (request, reply) => {
    await inProject(request);
    return paginate(request, reply, [], readPage(request));
  });
  app.get<{ Params: { org: string; project: string; id: string } }>(`${uptime}:id/`, async (request) => {
    await inProject(request);
    return fail('not_found', 'Faultline does not run uptime checks');
  });
  app.post<{ Params: { org: string; project: string } }>(uptime, async (request) => {
    await inProject(request);
    return fail('validation_failed', 'Faultline does not run uptime checks; monitor scheduled jobs with Crons (docs/crons.md)');
  });
}
