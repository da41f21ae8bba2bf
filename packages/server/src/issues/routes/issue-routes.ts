import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Auth, OrgAccess } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { allParams } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import type { Project } from '../../organizations/index.js';
import type { Releases } from '../../releases/index.js';
import type { Store } from '../../store/index.js';
import { matchingIssueIds } from '../read/list-issues.js';
import { applyIssueUpdate } from '../triage/apply-issue-update.js';
import { issueList } from './issue-list.js';
import { readIssueSearch } from './issue-search-request.js';

type ProjectParams = { org: string; project: string };
type OrgParams = { org: string };

/** Sentry's limit on issues changed by one bulk request without ids. */
export const BULK_MUTATION_LIMIT = 1000;

export interface IssueRouteDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly releases?: Pick<Releases, 'summaries'>;
}

/**
 * The issue lists and their bulk changes (Sentry's ProjectGroupIndex and OrganizationGroupIndex):
 * GET lists, PUT changes status/assignee/inbox or merges, DELETE removes — the issues named by
 * `id=` parameters, or without ids every issue matching the query (default `is:unresolved`).
 */
export function registerIssueRoutes(app: FastifyInstance, deps: IssueRouteDeps): void {
  const { auth, store } = deps;

  /** The organization's projects, narrowed by repeated `project=<id>` (-1 or absent: all). */
  async function orgProjects(request: FastifyRequest, access: OrgAccess): Promise<{ all: Project[]; selected: Project[] }> {
    const all = await store.projects.list(access.org.id);
    const wanted = allParams(request, 'project').filter((p) => p !== '' && p !== '-1');
    if (wanted.length === 0) return { all, selected: all };
    const selected = all.filter((p) => wanted.includes(String(p.id)) || wanted.includes(p.slug));
    if (selected.length !== new Set(wanted).size) fail('validation_failed', 'project: every value must be the id of a project of this organization');
    return { all, selected };
  }

  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/issues/', async (request, reply) => {
    const principal = requirePrincipal(request);
    const access = await auth.projectAccess(principal, request.params.org, request.params.project, 'event:read');
    const orgProjects = () => store.projects.list(access.org.id);
    return issueList(request, reply, deps, { org: access.org, userId: principal.user.id, projects: [access.project], orgProjects, orgLevel: false });
  });

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/issues/', async (request, reply) => {
    const principal = requirePrincipal(request);
    const access = await auth.orgAccess(principal, request.params.org, 'event:read');
    const { all, selected } = await orgProjects(request, access);
    return issueList(request, reply, deps, { org: access.org, userId: principal.user.id, projects: selected, orgProjects: async () => all, orgLevel: true });
  });

  /** The issues a bulk request names: `id=` (only those in scope) or everything the query matches. */
  async function targets(request: FastifyRequest, access: OrgAccess, projects: readonly Project[], userId: number): Promise<number[]> {
    const projectIds = projects.map((p) => p.id);
    const ids = allParams(request, 'id');
    if (ids.length > 0) {
      if (ids.some((id) => !/^\d{1,15}$/.test(id))) fail('validation_failed', 'id must be numeric issue ids');
      return matchingIssueIds(store.db, projectIds, [(eb) => eb('issues.id', 'in', ids.map(Number))], ids.length);
    }
    const search = await readIssueSearch(request, store, deps.clock, { orgId: access.org.id, userId, projects }, false);
    return matchingIssueIds(store.db, projectIds, search.conditions, BULK_MUTATION_LIMIT);
  }

  async function bulkUpdate(request: FastifyRequest, reply: FastifyReply, access: OrgAccess, projects: readonly Project[]) {
    const principal = requirePrincipal(request);
    const ids = await targets(request, access, projects, principal.user.id);
    // Sentry answers 204 when nothing matched.
    if (ids.length === 0) return reply.code(204).send();
    return applyIssueUpdate(store, deps.clock, { orgId: access.org.id, issueIds: ids, actor: principal.user }, request.body);
  }

  async function bulkDelete(request: FastifyRequest, reply: FastifyReply, access: OrgAccess, projects: readonly Project[]) {
    const ids = await targets(request, access, projects, requirePrincipal(request).user.id);
    if (ids.length > 0) await store.issueTriage.remove(ids);
    return reply.code(204).send();
  }

  app.put<{ Params: ProjectParams }>('/api/0/projects/:org/:project/issues/', async (request, reply) => {
    const access = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:write');
    return bulkUpdate(request, reply, access, [access.project]);
  });
  app.delete<{ Params: ProjectParams }>('/api/0/projects/:org/:project/issues/', async (request, reply) => {
    const access = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:admin');
    return bulkDelete(request, reply, access, [access.project]);
  });
  app.put<{ Params: OrgParams }>('/api/0/organizations/:org/issues/', async (request, reply) => {
    const access = await auth.orgAccess(requirePrincipal(request), request.params.org, 'event:write');
    return bulkUpdate(request, reply, access, (await orgProjects(request, access)).selected);
  });
  app.delete<{ Params: OrgParams }>('/api/0/organizations/:org/issues/', async (request, reply) => {
    const access = await auth.orgAccess(requirePrincipal(request), request.params.org, 'event:admin');
    return bulkDelete(request, reply, access, (await orgProjects(request, access)).selected);
  });
}
