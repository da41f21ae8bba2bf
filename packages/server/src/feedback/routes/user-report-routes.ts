import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allParams, firstParam, keysetPage, readKeysetCursor, readLimit, setKeysetLink } from '../../http/index.js';
import { issueJsonByIds } from '../../issues/index.js';
import type { Clock } from '../../kernel/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { userReportJson } from '../read/user-report-json.js';
import { saveUserReport, type UserReportShimWriter } from '../save-user-report.js';
import type { UserReportRecord } from '../store/user-report-repo.js';
import { parseUserReport } from '../user-report-input.js';
import type { FeedbackAccess, Project } from './feedback-access.js';

export interface UserReportRouteDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly access: FeedbackAccess;
  readonly shim: UserReportShimWriter;
}

/** Reports are listed as long as events are kept by default (docs/feedback.md › API). */
const LIST_WINDOW_MS = 90 * 86_400_000;

type ProjectParams = { org: string; project: string };

/**
 * Legacy user feedback over the web API (https://docs.sentry.io/api/projects/submit-user-feedback/,
 * https://docs.sentry.io/api/projects/list-a-projects-user-feedback/): the project's list and
 * POST (also under `/user-reports/`), the reports of one issue (what the Sentry MCP server's
 * `get_issue_user_reports` reads) and the organization's list.
 */
export function registerUserReportRoutes(app: FastifyInstance, deps: UserReportRouteDeps): void {
  const { store, access } = deps;
  for (const path of ['/api/0/projects/:org/:project/user-feedback/', '/api/0/projects/:org/:project/user-reports/']) {
    app.get<{ Params: ProjectParams }>(path, async (request, reply) => {
      const { access: orgAccess, project } = await access.project(request, request.params.org, request.params.project, 'project:read');
      return listReports(request, reply, { orgSlug: orgAccess.org.slug, projects: [project], withIssue: true });
    });
    app.post<{ Params: ProjectParams }>(path, async (request, reply) => {
      const { org, project: slug } = request.params;
      const viaDsn = await access.dsnProject(request, org, slug);
      const viaToken = viaDsn === undefined ? await access.project(request, org, slug, 'project:write') : undefined;
      const project = viaDsn ?? viaToken?.project;
      if (project === undefined) return fail('not_authenticated');
      const parsed = parseUserReport(request.body);
      if (!parsed.ok) return reply.code(400).send({ detail: `${parsed.field}: ${parsed.reason}`, [parsed.field]: [parsed.reason] });
      const saved = await store.db.transaction().execute(async (trx) => {
        const result = await saveUserReport(
          store,
          trx,
          { projectId: project.id, report: parsed.report, source: 'user_report_sentry_django_endpoint' },
          deps.clock.now(),
        );
        if (result.ok)
          await deps.shim(trx, {
            projectId: project.id,
            report: parsed.report,
            environment: result.report.environment,
            source: 'user_report_sentry_django_endpoint',
          });
        return result;
      });
      if (!saved.ok) return reply.code(409).send({ detail: saved.conflict });
      // Sentry answers a DSN-authenticated report with an empty body.
      if (viaToken === undefined) return reply.code(200).send('');
      const issues = await issuesOf(viaToken.access.org.slug, [project], [saved.report]);
      return (await userReportJson(store, [saved.report], issues))[0];
    });
  }

  app.get<{ Params: { org: string; issueId: string } }>('/api/0/organizations/:org/issues/:issueId/user-reports/', async (request, reply) => {
    const found = await access.issue(request, request.params.org, request.params.issueId, 'event:read');
    return listReports(request, reply, {
      orgSlug: found.access.org.slug,
      projects: [found.project],
      issueId: found.issueId,
      withIssue: false,
      allStatuses: true,
    });
  });

  app.get<{ Params: { org: string } }>('/api/0/organizations/:org/user-feedback/', async (request, reply) => {
    const { access: orgAccess, projects } = await orgProjects(request, request.params.org);
    const wanted = allParams(request, 'project').filter((p) => p !== '' && p !== '-1');
    const scoped = wanted.length === 0 ? projects : projects.filter((p) => wanted.includes(String(p.id)) || wanted.includes(p.slug));
    if (wanted.length > 0 && scoped.length === 0) fail('not_found', 'Project not found');
    return listReports(request, reply, { orgSlug: orgAccess.org.slug, projects: scoped, withIssue: true });
  });

  async function orgProjects(request: FastifyRequest, org: string) {
    return access.org(request, org, 'event:read');
  }

  async function issuesOf(orgSlug: string, projects: readonly Project[], reports: readonly UserReportRecord[]) {
    return issueJsonByIds(
      store.db,
      reports.flatMap((r) => (r.issueId === null ? [] : [r.issueId])),
      { publicUrl: deps.publicUrl, orgSlug, projects, now: deps.clock.now() },
    );
  }

  async function listReports(
    request: FastifyRequest,
    reply: FastifyReply,
    o: { orgSlug: string; projects: readonly Project[]; issueId?: number; withIssue: boolean; allStatuses?: boolean },
  ) {
    const status = o.allStatuses ? '' : (firstParam(request, 'status') ?? 'unresolved');
    if (status !== '' && status !== 'unresolved') return reply.code(400).send({ status: 'Invalid status choice', detail: 'Invalid status choice' });
    const limit = readLimit(request, 100);
    const cursor = readKeysetCursor(request);
    const rows = await store.userReports.list({
      projectIds: o.projects.map((p) => p.id),
      ...(o.issueId === undefined ? {} : { issueId: o.issueId }),
      environments: allParams(request, 'environment').filter((e) => e !== ''),
      issueStatus: status === 'unresolved' ? 'unresolved' : null,
      since: deps.clock.now() - LIST_WINDOW_MS,
      limit,
      cursor,
    });
    const page = keysetPage(rows, limit, cursor, (r) => ({ value: r.dateCreated, id: r.id }));
    setKeysetLink(request, reply, page, cursor);
    const issues = o.withIssue ? await issuesOf(o.orgSlug, o.projects, page.items) : undefined;
    return userReportJson(store, page.items, issues);
  }
}
