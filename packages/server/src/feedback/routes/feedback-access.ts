import { parseDsn } from '@faultline/protocol';
import type { FastifyRequest } from 'fastify';
import { type Auth, type OrgAccess, requirePrincipal, type Scope } from '../../auth/index.js';
import { issueById, issueByShortId } from '../../issues/index.js';
import { type AllowedOrigins, allowedDomainsOf, compileAllowedOrigins, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';

export type Project = Awaited<ReturnType<Store['projects']['list']>>[number];

/**
 * Who may read or send user feedback. Reading takes a token or session with `project:read`
 * (Sentry refuses DSN credentials there: 401); a report may also be sent with
 * `Authorization: DSN <dsn>`, whose key must belong to the project in the path. Another
 * organization's projects and issues answer 404.
 */
export function createFeedbackAccess(auth: Auth, store: Store) {
  async function project(request: FastifyRequest, org: string, projectSlug: string, scope: Scope): Promise<{ access: OrgAccess; project: Project }> {
    const access = await auth.projectAccess(requirePrincipal(request), org, projectSlug, scope);
    return { access, project: access.project };
  }

  /** The project a DSN credential names, when it is the one in the path; undefined when the request carries no DSN. */
  async function dsnProject(request: FastifyRequest, org: string, projectSlug: string): Promise<Project | undefined> {
    const header = request.headers.authorization;
    const m = typeof header === 'string' ? /^\s*DSN\s+(\S+)\s*$/i.exec(header) : null;
    if (m === null) return undefined;
    const key = await keyProject(m[1] ?? '');
    if (key === undefined) fail('not_authenticated', 'Invalid DSN');
    const found = await store.projects.byId(key.projectId);
    const organization = found === undefined ? undefined : await store.organizations.byId(found.orgId);
    if (found === undefined || organization === undefined) fail('not_authenticated', 'Invalid DSN');
    if ((organization.slug !== org && String(organization.id) !== org) || (found.slug !== projectSlug && String(found.id) !== projectSlug)) {
      fail('permission_denied', "the DSN's project is not the one in the path");
    }
    return found;
  }

  /** The enabled key of a DSN, its project and the project's Allowed Domains; undefined for an unknown, disabled or malformed one. */
  async function keyProject(dsn: string): Promise<{ projectId: number; allowedOrigins: AllowedOrigins } | undefined> {
    const parsed = parseDsn(dsn);
    if (!parsed.ok) return undefined;
    const key = await store.clientKeys.byPublicKey(parsed.dsn.publicKey);
    if (key === undefined || !key.enabled || String(key.projectId) !== parsed.dsn.projectId) return undefined;
    const project = await store.projects.byId(key.projectId);
    if (project === undefined) return undefined;
    return { projectId: key.projectId, allowedOrigins: compileAllowedOrigins(allowedDomainsOf(project.settings)) };
  }

  async function org(request: FastifyRequest, orgSlug: string, scope: Scope): Promise<{ access: OrgAccess; projects: Project[] }> {
    const orgAccess = await auth.orgAccess(requirePrincipal(request), orgSlug, scope);
    return { access: orgAccess, projects: await store.projects.list(orgAccess.org.id) };
  }

  async function issue(request: FastifyRequest, org: string, issueId: string, scope: Scope) {
    const access = await auth.orgAccess(requirePrincipal(request), org, scope);
    const projects = await store.projects.list(access.org.id);
    const row = /^\d{1,15}$/.test(issueId) ? await issueById(store.db, Number(issueId)) : await issueByShortId(store.db, projects, issueId);
    const project = row === undefined ? undefined : projects.find((p) => p.id === row.project_id);
    if (row === undefined || project === undefined) fail('not_found', 'Issue not found');
    return { access, projects, project, issueId: row.id };
  }

  return { project, org, dsnProject, keyProject, issue };
}

export type FeedbackAccess = ReturnType<typeof createFeedbackAccess>;
