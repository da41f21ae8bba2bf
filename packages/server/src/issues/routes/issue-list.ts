import type { FastifyReply, FastifyRequest } from 'fastify';
import { eventByEventId } from '../../events/index.js';
import { firstParam, readKeysetCursor, readLimit, setKeysetLink } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import type { Organization, Project } from '../../organizations/index.js';
import type { Releases } from '../../releases/index.js';
import type { Store } from '../../store/index.js';
import { effectiveSubstatus } from '../lifecycle.js';
import { issueById, issueByShortId } from '../read/issue-detail.js';
import type { ProjectRef } from '../read/issue-json.js';
import type { CountFilter, StatsPeriod } from '../read/issue-stats.js';
import { type IssueRow, listIssues } from '../read/list-issues.js';
import { serializeIssues } from '../read/serialize-issues.js';
import { parseIssueSort } from '../search/parse-issue-sort.js';
import { queryErrorDetail } from '../search/query-error-detail.js';
import { readIssueSearch } from './issue-search-request.js';

export interface IssueListDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** release summaries for firstRelease/lastRelease; without it they are bare `{version}` */
  readonly releases?: Pick<Releases, 'summaries'>;
}

export interface IssueListScope {
  readonly org: Organization;
  readonly userId: number;
  /** the projects listed (the URL's one, or the organization's selected ones) */
  readonly projects: readonly Project[];
  /** every project of the organization: short-id lookups may land in any of them, as in Sentry (read only for those) */
  readonly orgProjects: () => Promise<readonly Project[]>;
  /** organization list: `statsPeriod` is the time range, the sparkline is `groupStatsPeriod` */
  readonly orgLevel: boolean;
}

const SPARKLINES = new Set(['', '24h', '14d', 'auto']);

function readSparkline(request: FastifyRequest, orgLevel: boolean): StatsPeriod[] {
  const stats = firstParam(request, 'statsPeriod');
  const group = firstParam(request, 'groupStatsPeriod');
  const raw = orgLevel ? (group ?? (stats !== undefined && SPARKLINES.has(stats) ? stats : undefined)) : stats;
  const v = raw ?? '24h';
  if (!SPARKLINES.has(v)) fail('validation_failed', "Invalid stats_period. Valid choices are '', '24h', and '14d'");
  return v === '' ? [] : v === '14d' ? ['14d'] : ['24h'];
}

export const projectRefs = (projects: readonly Project[]): ProjectRef[] =>
  projects.map((p) => ({ id: p.id, slug: p.slug, name: p.name, platform: p.platform }));

export function substatusAt(now: number) {
  return (row: IssueRow) => effectiveSubstatus({ status: row.status, substatus: row.substatus, regressedAt: row.regressed_at, firstSeen: row.first_seen }, now);
}

/** Sentry's direct hits: `shortIdLookup=1` with a short id, or an event id, as the whole query. */
async function directHit(request: FastifyRequest, store: Store, scope: IssueListScope): Promise<IssueRow | undefined> {
  const query = (firstParam(request, 'query') ?? '').trim();
  if (/^[0-9a-f]{32}$/i.test(query) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(query)) {
    const event = await eventByEventId(
      store.db,
      scope.projects.map((p) => p.id),
      query,
    );
    return event?.issue_id == null ? undefined : issueById(store.db, event.issue_id);
  }
  const lookup = firstParam(request, 'shortIdLookup');
  if (lookup === '1' || lookup === 'true') return issueByShortId(store.db, await scope.orgProjects(), query);
  return undefined;
}

/** The issue list of a project or an organization: search, sort, keyset pages, Group JSON. */
export async function issueList(request: FastifyRequest, reply: FastifyReply, deps: IssueListDeps, scope: IssueListScope) {
  const { store, clock, releases } = deps;
  const now = clock.now();
  const sparkline = readSparkline(request, scope.orgLevel);
  const serialize = (rows: IssueRow[], projects: readonly Project[], countFilter: CountFilter | null) =>
    serializeIssues(store.db, rows, {
      publicUrl: deps.publicUrl,
      orgSlug: scope.org.slug,
      projects: projectRefs(projects),
      now,
      substatusOf: substatusAt(now),
      statsPeriods: sparkline,
      countFilter,
      releaseSummaries: releases && ((versions) => releases.summaries(scope.org.id, versions)),
    });
  const hit = await directHit(request, store, scope);
  if (hit && hit.merged_into_id === null) {
    reply.header('x-sentry-direct-hit', '1');
    return serialize([hit], await scope.orgProjects(), null);
  }
  const sortText = firstParam(request, 'sort');
  const sort = parseIssueSort(sortText);
  if (!sort.ok) fail('validation_failed', queryErrorDetail(sort.error, sortText ?? ''));
  const search = await readIssueSearch(request, store, clock, { orgId: scope.org.id, userId: scope.userId, projects: scope.projects }, scope.orgLevel);
  const cursor = readKeysetCursor(request);
  const page = await listIssues(store.db, {
    projectIds: scope.projects.map((p) => p.id),
    conditions: search.conditions,
    sort: sort.sort.key,
    cursor,
    limit: readLimit(request, 25),
  });
  setKeysetLink(request, reply, page, cursor);
  const scoped = search.environments.length > 0 || search.range !== null;
  return serialize(
    page.items,
    scope.projects,
    scoped ? { environments: search.environments, from: search.range?.from ?? null, to: search.range?.to ?? null } : null,
  );
}
