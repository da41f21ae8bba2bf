import type { FastifyRequest } from 'fastify';
import { type Auth, type OrgAccess, type Principal, requirePrincipal, type Scope } from '../../auth/index.js';
import { fail, isFaultlineError } from '../../kernel/index.js';
import type { Project } from '../../organizations/index.js';
import type { Store } from '../../store/index.js';
import { issueById, issueByShortId } from '../read/issue-detail.js';
import type { IssueRow } from '../read/list-issues.js';

export interface IssueInScope {
  readonly access: OrgAccess;
  readonly project: Project;
  readonly issue: IssueRow;
}

const notFound = (): never => fail('not_found', 'Issue not found');

/**
 * Resolves `/issues/{id}/` (and `/organizations/{org}/issues/{id}/`, which also takes a short
 * id) to the issue and the caller's access to its organization. An issue of an organization
 * the caller is not in answers exactly like an issue that does not exist (404). A merged-away
 * issue resolves to the issue it was merged into, as Sentry's redirect does.
 */
export async function issueInScope(
  auth: Auth,
  store: Store,
  principal: Principal,
  ref: { issueId: string; org?: string },
  scope: Scope,
): Promise<IssueInScope> {
  let access: OrgAccess | undefined;
  let issue: IssueRow | undefined;
  if (ref.org !== undefined) {
    access = await auth.orgAccess(principal, ref.org, scope);
    issue = /^\d{1,15}$/.test(ref.issueId)
      ? await issueById(store.db, Number(ref.issueId))
      : await issueByShortId(store.db, await store.projects.list(access.org.id), ref.issueId);
  } else {
    if (!/^\d{1,15}$/.test(ref.issueId)) notFound();
    issue = await issueById(store.db, Number(ref.issueId));
  }
  for (let hops = 0; issue?.merged_into_id != null && hops < 10; hops++) issue = await issueById(store.db, issue.merged_into_id);
  if (!issue || issue.merged_into_id !== null) return notFound();
  const project = await store.projects.byId(issue.project_id);
  if (!project) return notFound();
  if (access === undefined) {
    try {
      access = await auth.orgAccess(principal, String(project.orgId), scope);
    } catch (err) {
      if (isFaultlineError(err) && err.code === 'not_found') notFound();
      throw err;
    }
  }
  if (project.orgId !== access.org.id) notFound();
  return { access, project, issue };
}

/** The path parameters of `/issues/{issueId}/…` and `/organizations/{org}/issues/{issueId}/…`. */
export type IssueParams = { issueId: string; org?: string };

/** The issue a request's path names, for its caller, with `scope` (issueInScope). */
export function issueOfRequest(auth: Auth, store: Store, request: FastifyRequest<{ Params: IssueParams }>, scope: Scope): Promise<IssueInScope> {
  const { issueId, org } = request.params;
  return issueInScope(auth, store, requirePrincipal(request), { issueId, ...(org ? { org } : {}) }, scope);
}
