import type { FastifyRequest } from 'fastify';
import { type Auth, type OrgAccess, requirePrincipal, type Scope } from '../../auth/index.js';
import { fail, isFaultlineError } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { MonitorRecord } from '../store/monitor-records.js';

/**
 * Who may read or change an organization's monitors. Reading takes `org:read` (Sentry's
 * monitor endpoints) or `project:read` (what the Sentry MCP server's monitor tools declare);
 * changing takes `org:write` or `project:write`. Another organization's monitors are 404,
 * whatever the path; a project-scoped path finds only that project's monitors.
 */
export interface MonitorScope {
  readonly access: OrgAccess;
  /** set on `/projects/{org}/{project}/monitors/…` paths */
  readonly projectId: number | null;
}

export type MonitorParams = { org: string; project?: string; slug?: string };

export function createMonitorAccess(auth: Auth, store: Store) {
  async function either<T>(scopes: readonly [Scope, Scope], attempt: (scope: Scope) => Promise<T>): Promise<T> {
    try {
      return await attempt(scopes[0]);
    } catch (err) {
      if (!isFaultlineError(err) || err.code !== 'missing_scope') throw err;
      try {
        return await attempt(scopes[1]);
      } catch (second) {
        if (isFaultlineError(second) && second.code === 'missing_scope') fail('missing_scope', `This action requires the ${scopes[0]} or ${scopes[1]} scope`);
        throw second;
      }
    }
  }

  async function scope(request: FastifyRequest<{ Params: MonitorParams }>, write: boolean): Promise<MonitorScope> {
    const principal = requirePrincipal(request);
    const { org, project } = request.params;
    const scopes: readonly [Scope, Scope] = write ? ['org:write', 'project:write'] : ['org:read', 'project:read'];
    if (project === undefined) return { access: await either(scopes, (s) => auth.orgAccess(principal, org, s)), projectId: null };
    const access = await either(scopes, (s) => auth.projectAccess(principal, org, project, s));
    return { access, projectId: access.project.id };
  }

  /** The monitor named by slug (or by its 32-hex id, as the MCP server allows) in the caller's organization and project. */
  async function monitor(s: MonitorScope, slugOrId: string): Promise<MonitorRecord> {
    const orgId = s.access.org.id;
    const found =
      (await store.monitors.get(orgId, slugOrId)) ?? (/^[0-9a-f]{32}$/.test(slugOrId) ? await store.monitors.getByGuid(orgId, slugOrId) : undefined);
    if (found === undefined || (s.projectId !== null && found.projectId !== s.projectId)) fail('not_found', 'Monitor not found');
    return found;
  }

  return { scope, monitor };
}

export type MonitorAccess = ReturnType<typeof createMonitorAccess>;
