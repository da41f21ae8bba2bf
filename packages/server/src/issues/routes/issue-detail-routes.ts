import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Scope } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { allParams, firstParam, readLimit, readPage, setOffsetLink } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Releases } from '../../releases/index.js';
import { issueById, issueDetailJson } from '../read/issue-detail.js';
import { issueTagKeys, issueTagValues, TAG_VALUE_SORTS, type TagValueSort } from '../read/issue-tags.js';
import { applyIssueUpdate } from '../triage/apply-issue-update.js';
import { type IssueParams, issueOfRequest } from './issue-access.js';
import { projectRefs, substatusAt } from './issue-list.js';
import type { IssueRouteDeps } from './issue-routes.js';

type TagParams = IssueParams & { key: string };

/** Where an issue is addressed: Sentry's `/issues/{id}/` and its organization-scoped alias. */
export const ISSUE_PREFIXES = ['/api/0/issues/:issueId', '/api/0/organizations/:org/issues/:issueId'] as const;

/** One issue (Sentry's GroupDetails): read, change, delete; its tag keys and values. */
export function registerIssueDetailRoutes(
  app: FastifyInstance,
  deps: IssueRouteDeps & { releases: Releases; userReportCountOf?: (issueId: number) => Promise<number> },
): void {
  const { auth, store, clock } = deps;
  const resolve = (request: FastifyRequest<{ Params: IssueParams }>, scope: Scope) => issueOfRequest(auth, store, request, scope);

  async function detail(found: Awaited<ReturnType<typeof resolve>>) {
    const now = clock.now();
    const projects = await store.projects.list(found.access.org.id);
    const json = await issueDetailJson(store.db, found.issue, {
      publicUrl: deps.publicUrl,
      orgSlug: found.access.org.slug,
      projects: projectRefs(projects),
      now,
      substatusOf: substatusAt(now),
    });
    // Full release summaries (dates, ref) where the release is on record.
    const versions = [found.issue.first_release, found.issue.last_release].filter((v): v is string => v !== null);
    const summaries = await deps.releases.summaries(found.access.org.id, versions);
    const release = (v: string | null) => (v === null ? null : (summaries.get(v) ?? { version: v, shortVersion: v, versionInfo: null }));
    const userReportCount = deps.userReportCountOf === undefined ? 0 : await deps.userReportCountOf(found.issue.id);
    return { ...json, userReportCount, firstRelease: release(found.issue.first_release), lastRelease: release(found.issue.last_release) };
  }

  for (const prefix of ISSUE_PREFIXES) {
    app.get<{ Params: IssueParams }>(`${prefix}/`, async (request) => detail(await resolve(request, 'event:read')));

    app.put<{ Params: IssueParams }>(`${prefix}/`, async (request) => {
      const found = await resolve(request, 'event:write');
      const body = request.body;
      if (body !== null && typeof body === 'object' && 'merge' in body) fail('validation_failed', 'Merge issues through the bulk endpoint with several ids');
      const result = await applyIssueUpdate(
        store,
        clock,
        { orgId: found.access.org.id, issueIds: [found.issue.id], actor: requirePrincipal(request).user },
        body,
      );
      const issue = (await issueById(store.db, found.issue.id)) ?? found.issue;
      return { ...(await detail({ ...found, issue })), ...result };
    });

    app.delete<{ Params: IssueParams }>(`${prefix}/`, async (request, reply) => {
      const found = await resolve(request, 'event:admin');
      await store.issueTriage.remove([found.issue.id]);
      return reply.code(202).send();
    });

    app.get<{ Params: IssueParams }>(`${prefix}/tags/`, async (request) => {
      const found = await resolve(request, 'event:read');
      return issueTagKeys(store.db, found.issue.id, allParams(request, 'key'), readLimit(request, 9));
    });

    app.get<{ Params: TagParams }>(`${prefix}/tags/:key/`, async (request) => {
      const found = await resolve(request, 'event:read');
      const [tag] = await issueTagKeys(store.db, found.issue.id, [request.params.key], readLimit(request, 9));
      return tag ?? fail('not_found', 'Tag key not found');
    });

    app.get<{ Params: TagParams }>(`${prefix}/tags/:key/values/`, async (request, reply) => {
      const found = await resolve(request, 'event:read');
      const sort = firstParam(request, 'sort') ?? '-last_seen';
      if (!Object.hasOwn(TAG_VALUE_SORTS, sort)) fail('validation_failed', `sort must be one of: ${Object.keys(TAG_VALUE_SORTS).join(', ')}`);
      const page = readPage(request);
      const rows = await issueTagValues(store.db, found.issue.id, request.params.key, sort as TagValueSort, page.offset, page.limit);
      setOffsetLink(request, reply, page.offset, page.limit, rows.length > page.limit);
      return rows.slice(0, page.limit);
    });
  }
}
