import type { FastifyRequest } from 'fastify';
import { allParams, firstParam } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { ONGOING_AFTER_MS } from '../lifecycle.js';
import { compileIssueQuery, type IssueCondition, type IssueSearchScope, TAG_KEYS } from '../read/compile-search.js';
import { latestReleases } from '../read/latest-release.js';
import { ISSUE_STATUSES } from '../search/issue-query.js';
import { parseIssueQuery } from '../search/parse-issue-query.js';
import { queryErrorDetail } from '../search/query-error-detail.js';

/** Sentry's default when the request has no `query` at all (`query=` means no filter). */
const DEFAULT_QUERY = 'is:unresolved';
const RELATIVE = /^(\d{1,6})([smhdw])$/;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };

export interface IssueSearch {
  readonly conditions: IssueCondition[];
  readonly environments: string[];
  /** the request's time range (start/end, or the org list's statsPeriod), half-open ms */
  readonly range: { readonly from: number | null; readonly to: number | null } | null;
}

export interface SearchCaller {
  readonly orgId: number;
  readonly userId: number;
  readonly projects: readonly { readonly id: number; readonly slug: string }[];
}

/** `2026-01-01T10:00:00` (Grafana sends no zone: UTC), or any ISO 8601 date. */
function instant(text: string, name: string): number {
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) fail('validation_failed', `${name} must be an ISO 8601 date`);
  return ms;
}

function readRange(request: FastifyRequest, now: number, periodIsRange: boolean): IssueSearch['range'] {
  const start = firstParam(request, 'start');
  const end = firstParam(request, 'end');
  if (start || end) return { from: start ? instant(start, 'start') : null, to: end ? instant(end, 'end') : null };
  const period = periodIsRange ? firstParam(request, 'statsPeriod') : undefined;
  const m = period ? RELATIVE.exec(period) : null;
  return m ? { from: now - Number(m[1]) * (UNIT_MS[m[2] as string] as number), to: null } : null;
}

/**
 * The issue search of a list or bulk request: `query` (parsed; errors are 400 with the
 * parser's positioned detail), `status`, repeated `environment`, and the time range. On the
 * organization list `statsPeriod` is a range, as in Sentry; on the project list it only picks
 * the sparkline.
 */
export async function readIssueSearch(request: FastifyRequest, store: Store, clock: Clock, caller: SearchCaller, periodIsRange: boolean): Promise<IssueSearch> {
  const now = clock.now();
  const given = firstParam(request, 'query');
  const status = firstParam(request, 'status');
  let text = given ?? DEFAULT_QUERY;
  if (status !== undefined && status !== '') {
    // sentry-cli's `--status muted` is Sentry's old name for ignored; the parser knows it too.
    if (![...ISSUE_STATUSES, 'muted'].includes(status)) fail('validation_failed', `status must be one of: ${ISSUE_STATUSES.join(', ')}, muted`);
    // `status` replaces the default status filter rather than contradicting it.
    text = `${given ?? ''} is:${status}`;
  }
  const parsed = parseIssueQuery(text, now);
  if (!parsed.ok) fail('validation_failed', queryErrorDetail(parsed.error, text));
  const wantsLatest = parsed.query.filters.some((f) => f.kind === 'release' && f.values.some((v) => v.type === 'latest'));
  const scope: IssueSearchScope = {
    orgId: caller.orgId,
    userId: caller.userId,
    projects: caller.projects,
    now,
    latestRelease: wantsLatest
      ? await latestReleases(
          store.db,
          caller.projects.map((p) => p.id),
        )
      : new Map(),
    regressedForMs: ONGOING_AFTER_MS,
  };
  const conditions = compileIssueQuery(parsed.query, scope);
  const environments = allParams(request, 'environment').filter((e) => e !== '');
  if (environments.length > 0) {
    conditions.push((eb) =>
      eb(
        'issues.id',
        'in',
        eb
          .selectFrom('issue_tags')
          .select('issue_tags.issue_id')
          .where('issue_tags.key', '=', TAG_KEYS.environment)
          .where('issue_tags.value', 'in', environments),
      ),
    );
  }
  const range = readRange(request, now, periodIsRange);
  if (range) {
    // Seen within the range: an issue's life overlaps it (hour counts refine `count`).
    const { from, to } = range;
    if (from !== null) conditions.push((eb) => eb('issues.last_seen', '>=', from));
    if (to !== null) conditions.push((eb) => eb('issues.first_seen', '<', to));
  }
  return { conditions, environments, range };
}
