import { normalizeEventId } from '@faultline/protocol';
import type { FastifyRequest } from 'fastify';
import { type Auth, type OrgAccess, requirePrincipal, type Scope } from '../../auth/index.js';
import { fail, isFaultlineError } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { ReplayRecord } from '../store/replay-repo.js';

export type ReplayParams = { org: string; project?: string; replayId?: string; segmentId?: string };

/** The caller's organization, and the one project of a `/projects/{org}/{project}/…` path. */
export interface ReplayScope {
  readonly access: OrgAccess;
  readonly projectIds: readonly number[];
}

/**
 * Who may read or delete replays: reading takes `org:read` or `project:read` (what the Sentry
 * MCP server's tokens carry), deleting `project:write`. Another organization's replays are
 * 404 whatever the path; the `{project}` path part may be a slug or a numeric id (the MCP
 * server passes `project_id`).
 */
export function createReplayAccess(auth: Auth, store: Store) {
  async function either<T>(scopes: readonly Scope[], attempt: (scope: Scope) => Promise<T>): Promise<T> {
    let last: unknown;
    for (const scope of scopes) {
      try {
        return await attempt(scope);
      } catch (err) {
        if (!isFaultlineError(err) || err.code !== 'missing_scope') throw err;
        last = err;
      }
    }
    if (scopes.length > 1) fail('missing_scope', `This action requires the ${scopes.join(' or ')} scope`);
    throw last;
  }

  async function scope(request: FastifyRequest<{ Params: ReplayParams }>, write: boolean): Promise<ReplayScope> {
    const principal = requirePrincipal(request);
    const { org, project } = request.params;
    const scopes: readonly Scope[] = write ? ['project:write'] : ['org:read', 'project:read'];
    if (project === undefined) {
      const access = await either(scopes, (s) => auth.orgAccess(principal, org, s));
      const projects = await store.projects.list(access.org.id);
      return { access, projectIds: projects.map((p) => p.id) };
    }
    const access = await either(scopes, (s) => auth.projectAccess(principal, org, project, s));
    return { access, projectIds: [access.project.id] };
  }

  /** The replay (id with or without dashes) in the scope's projects, else 404. */
  async function replay(s: ReplayScope, rawId: string | undefined): Promise<ReplayRecord> {
    const id = normalizeEventId(rawId);
    const found = id.ok ? await store.replays.find(s.projectIds, id.id) : undefined;
    if (found === undefined) fail('not_found', 'Replay not found');
    return found;
  }

  return { scope, replay };
}

export type ReplayAccess = ReturnType<typeof createReplayAccess>;
