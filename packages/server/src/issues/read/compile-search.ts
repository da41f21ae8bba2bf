import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../store/index.js';
import { type Assignee, FOR_REVIEW_WINDOW_MS, type IssueFilter, type IssueQuery, type StringMatch } from '../search/index.js';
import { anyOf, matchText, matchValue } from './like-pattern.js';
import { parseShortId } from './short-id.js';

/**
 * The search AST → WHERE conditions on `issues`. Everything is answered from `issues` and
 * indexed `IN (…)` subqueries on issue_tags / issue_users / teams, never from events, so a
 * search costs the same at a million events. No dialect branches: LIKE with ESCAPE and
 * lower() on both sides mean the same on SQLite and PostgreSQL.
 */
export type IssueCondition = (eb: ExpressionBuilder<Database, 'issues'>) => Expression<SqlBool>;

export interface IssueSearchScope {
  readonly orgId: number;
  readonly projects: readonly { readonly id: number; readonly slug: string }[];
  /** the caller, for `assigned:me` and `assigned:my_teams` */
  readonly userId: number;
  readonly now: number;
  /** each project's newest release, for `release:latest` (see latestReleases) */
  readonly latestRelease: ReadonlyMap<number, string>;
  /** how long a regression counts as one (issues/ONGOING_AFTER_MS: then it is `ongoing`) */
  readonly regressedForMs: number;
}

type Eb = ExpressionBuilder<Database, 'issues'>;

const col = (name: string) => sql.ref(name);

/** Tag keys under which the pipeline records the event's built-in values (Sentry's tag model). */
export const TAG_KEYS = { environment: 'environment', release: 'release' } as const;

export function compileIssueQuery(query: IssueQuery, scope: IssueSearchScope): IssueCondition[] {
  const out: IssueCondition[] = query.filters.map((f) => {
    const condition = compileFilter(f, scope);
    // NULL-safe: `!assigned:me` must keep unassigned issues, where `assignee = me` is NULL.
    return f.negated ? (eb: Eb) => sql<SqlBool>`not coalesce(${condition(eb)}, false)` : condition;
  });
  // Feedback issues stay out of the stream unless the search asks for a kind of issue or names one
  // (Sentry lists them apart: https://docs.sentry.io/product/user-feedback/).
  if (!query.filters.some((f) => f.kind === 'category' || f.kind === 'issueType' || f.kind === 'issueId' || f.kind === 'shortId')) {
    out.push((eb) => eb('issues.type', '!=', FEEDBACK_ISSUE_TYPE));
  }
  // Free text: every word or phrase must occur in the title or the culprit.
  for (const word of query.text) {
    const m: StringMatch = { type: 'exact', value: word };
    out.push(() => anyOf([matchText(col('issues.title'), m), matchText(col('issues.culprit'), m)]));
  }
  return out;
}

/** Issues that carry tag `key` (with one of `values`, when given). */
export function withTag(eb: Eb, key: string, values: readonly StringMatch[] | null): Expression<SqlBool> {
  let sub = eb.selectFrom('issue_tags').select('issue_tags.issue_id').where('issue_tags.key', '=', key);
  if (values) sub = sub.where(anyOf(values.map((v) => matchValue(col('issue_tags.value'), v))));
  return eb('issues.id', 'in', sub);
}

function compileFilter(f: IssueFilter, scope: IssueSearchScope): IssueCondition {
  switch (f.kind) {
    case 'status':
      return (eb) => eb('issues.status', '=', f.status);
    case 'flag':
      return flag(f.flag, scope);
    case 'assigned':
      return (eb) => eb.or(f.assignees.map((a) => assignee(eb, a, scope)));
    case 'level':
      return (eb) => eb('issues.level', 'in', [...f.levels]);
    // A performance issue's group is a transaction (process/spans/performance-issues.ts); a cron
    // issue's events carry the metadata type `monitor_check_in_failure` (process/monitors/cron-issue-events.ts);
    // a feedback issue's events are of type `feedback` (process/feedback/feedback-event.ts).
    case 'category':
      return (eb) =>
        eb.or(
          f.categories.map((c) =>
            c === 'performance'
              ? eb('issues.type', '=', 'transaction')
              : c === 'cron'
                ? cron(eb)
                : c === 'feedback'
                  ? eb('issues.type', '=', FEEDBACK_ISSUE_TYPE)
                  : error(eb),
          ),
        );
    case 'issueType':
      return (eb) =>
        eb.or(
          f.types.map((t) =>
            t === 'error'
              ? error(eb)
              : t === FEEDBACK_ISSUE_TYPE
                ? eb('issues.type', '=', FEEDBACK_ISSUE_TYPE)
                : t === CRON_ISSUE_TYPE
                  ? cron(eb)
                  : eb.and([eb('issues.type', '=', 'transaction'), eb('issues.metadata', 'like', `%"type":"${t.replace(/[^a-z_]/g, '')}"%`)]),
          ),
        );
    case 'environment':
      return (eb) => withTag(eb, TAG_KEYS.environment, f.values);
    case 'release':
      return (eb) => eb.or(f.values.map((v) => release(eb, f.field, v, scope)));
    case 'user':
      return (eb) => {
        // issue_users keys are `id:42`, `email:…`; the pipeline may also keep `user.email`-style tags.
        const keys = anyOf(f.values.map((v) => matchValue(col('issue_users.user_key'), prefixed(`${f.field}:`, v))));
        return eb.or([
          eb('issues.id', 'in', eb.selectFrom('issue_users').select('issue_users.issue_id').where(keys)),
          withTag(eb, `user.${f.field}`, f.values),
        ]);
      };
    case 'text': {
      const column = f.field === 'culprit' ? 'issues.culprit' : 'issues.title';
      return () => anyOf(f.values.map((v) => matchText(col(column), v)));
    }
    case 'time': {
      const column = f.field === 'firstSeen' ? 'issues.first_seen' : 'issues.last_seen';
      const { from, to } = f.range;
      return (eb) => eb.and([...(from === null ? [] : [eb(column, '>=', from)]), ...(to === null ? [] : [eb(column, '<', to)])]);
    }
    case 'count': {
      const column = f.field === 'timesSeen' ? 'issues.times_seen' : 'issues.user_count';
      return (eb) => eb(column, f.op, f.value);
    }
    case 'issueId':
      return (eb) => eb('issues.id', 'in', [...f.ids]);
    case 'shortId':
      return (eb) => eb.or(f.shortIds.map((s) => shortId(eb, s, scope)));
    case 'tag':
      return (eb) => withTag(eb, f.key, f.values);
    case 'has':
      return (eb) => withTag(eb, f.key, null);
  }
}

function prefixed(prefix: string, m: StringMatch): StringMatch {
  return m.type === 'exact' ? { type: 'exact', value: prefix + m.value } : { type: 'glob', parts: [prefix + (m.parts[0] ?? ''), ...m.parts.slice(1)] };
}

function flag(name: 'assigned' | 'unassigned' | 'regressed' | 'for_review', scope: IssueSearchScope): IssueCondition {
  switch (name) {
    case 'assigned':
      return (eb) => eb.or([eb('issues.assignee_user_id', 'is not', null), eb('issues.assignee_team_id', 'is not', null)]);
    case 'unassigned':
      return (eb) => eb.and([eb('issues.assignee_user_id', 'is', null), eb('issues.assignee_team_id', 'is', null)]);
    case 'regressed':
      return (eb) => eb.and([eb('issues.substatus', '=', 'regressed'), eb('issues.regressed_at', '>=', scope.now - scope.regressedForMs)]);
    case 'for_review': {
      // Sentry's inbox: unresolved, new or regressed within the window, and not reviewed since.
      const since = scope.now - FOR_REVIEW_WINDOW_MS;
      return (eb) =>
        eb.and([
          eb('issues.status', '=', 'unresolved'),
          eb.or([eb('issues.first_seen', '>=', since), eb('issues.regressed_at', '>=', since)]),
          eb.or([eb('issues.reviewed_at', 'is', null), eb('issues.reviewed_at', '<', eb.fn.coalesce('issues.regressed_at', sql.lit(0)))]),
        ]);
    }
  }
}

function assignee(eb: Eb, a: Assignee, scope: IssueSearchScope): Expression<SqlBool> {
  switch (a.type) {
    case 'me':
      return eb('issues.assignee_user_id', '=', scope.userId);
    case 'none':
      return eb.and([eb('issues.assignee_user_id', 'is', null), eb('issues.assignee_team_id', 'is', null)]);
    case 'my_teams':
      return eb(
        'issues.assignee_team_id',
        'in',
        eb
          .selectFrom('team_members')
          .innerJoin('members', 'members.id', 'team_members.member_id')
          .select('team_members.team_id')
          .where('members.user_id', '=', scope.userId)
          .where('members.org_id', '=', scope.orgId),
      );
    case 'team':
      return eb(
        'issues.assignee_team_id',
        'in',
        eb.selectFrom('teams').select('teams.id').where('teams.org_id', '=', scope.orgId).where('teams.slug', '=', a.slug),
      );
    case 'user': {
      const users = eb.selectFrom('users').select('users.id');
      const byValue = /^\d+$/.test(a.value)
        ? users.where('users.id', '=', Number(a.value))
        : users.where(sql<SqlBool>`lower(${col('users.email')}) = lower(${a.value})`);
      return eb('issues.assignee_user_id', 'in', byValue);
    }
  }
}

function release(eb: Eb, field: 'release' | 'firstRelease', v: StringMatch | { type: 'latest' }, scope: IssueSearchScope): Expression<SqlBool> {
  if (v.type === 'latest') {
    // Per project: "latest" is each project's own newest release; a project without one matches nothing.
    const perProject = scope.projects.flatMap((p) => {
      const latest = scope.latestRelease.get(p.id);
      if (latest === undefined) return [];
      const m: StringMatch = { type: 'exact', value: latest };
      return [eb.and([eb('issues.project_id', '=', p.id), field === 'release' ? withTag(eb, TAG_KEYS.release, [m]) : eb('issues.first_release', '=', latest)])];
    });
    return perProject.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(perProject);
  }
  if (field === 'release') return withTag(eb, TAG_KEYS.release, [v]);
  // coalesce: `!firstRelease:x` must keep issues that have no first release.
  return matchValue(sql`coalesce(${col('issues.first_release')}, '')`, v);
}

function shortId(eb: Eb, text: string, scope: IssueSearchScope): Expression<SqlBool> {
  const parsed = parseShortId(text);
  const project = parsed.ok ? scope.projects.find((p) => p.slug.toUpperCase() === parsed.prefix) : undefined;
  if (!parsed.ok || !project) return sql<SqlBool>`1 = 0`;
  return eb.and([eb('issues.project_id', '=', project.id), eb('issues.short_id', '=', parsed.counter)]);
}

/** Sentry's issue type of cron issues (issues/read/issue-json.ts › issueKind). */
const CRON_ISSUE_TYPE = 'monitor_check_in_failure';
const cronMetadata = `%"type":"${CRON_ISSUE_TYPE}"%`;

function cron(eb: Eb): Expression<SqlBool> {
  return eb.and([eb('issues.type', '=', 'default'), eb('issues.metadata', 'like', cronMetadata)]);
}

/** Sentry's issue type (and category) of user feedback. */
const FEEDBACK_ISSUE_TYPE = 'feedback';

function error(eb: Eb): Expression<SqlBool> {
  return eb.and([
    eb('issues.type', 'not in', ['transaction', FEEDBACK_ISSUE_TYPE]),
    eb.or([eb('issues.type', '!=', 'default'), eb('issues.metadata', 'not like', cronMetadata)]),
  ]);
}
