import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { effectiveSubstatus } from '../lifecycle.js';
import { type IssueJson, type IssueJsonContext, issueJson, type ProjectRef } from './issue-json.js';
import { type CountFilter, filteredCounts, issueStats, type StatsPeriod, type StatsSeries } from './issue-stats.js';
import type { IssueRow } from './list-issues.js';

export interface SerializeIssuesOptions {
  readonly publicUrl: string;
  readonly orgSlug: string;
  readonly projects: readonly ProjectRef[];
  readonly now: number;
  readonly substatusOf: (row: IssueRow) => string | null;
  /** sparklines to attach (none for `statsPeriod=`) */
  readonly statsPeriods: readonly StatsPeriod[];
  /** the request's environments / time range; counts are scoped to them when set */
  readonly countFilter: CountFilter | null;
  /** release summaries by version, read once per page (releases/ is wired in by the API) */
  readonly releaseSummaries?: (versions: readonly string[]) => Promise<ReadonlyMap<string, object>>;
}

/**
 * Group JSON for a page of issues. Everything beyond the rows is read for the page's ids only:
 * assignees, unhandled flags, counts and sparklines from issue_hourly — a handful of indexed
 * queries whatever the size of the project.
 */
export async function serializeIssues(db: Kysely<Database>, rows: readonly IssueRow[], o: SerializeIssuesOptions): Promise<IssueJson[]> {
  const ids = rows.map((r) => r.id);
  const userIds = [...new Set(rows.flatMap((r) => (r.assignee_user_id === null ? [] : [r.assignee_user_id])))];
  const teamIds = [...new Set(rows.flatMap((r) => (r.assignee_team_id === null ? [] : [r.assignee_team_id])))];
  const [users, teams, unhandled] = await Promise.all([
    userIds.length === 0 ? [] : db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute(),
    teamIds.length === 0 ? [] : db.selectFrom('teams').select(['id', 'slug', 'name']).where('id', 'in', teamIds).execute(),
    ids.length === 0
      ? []
      : db.selectFrom('issue_tags').select('issue_id').where('issue_id', 'in', ids).where('key', '=', 'handled').where('value', '=', 'no').execute(),
  ]);
  const filter = o.countFilter ?? {};
  const series = new Map<StatsPeriod, Map<number, StatsSeries>>();
  for (const p of o.statsPeriods) series.set(p, await issueStats(db, ids, p, o.now, { environments: filter.environments ?? [] }));
  const ctx: IssueJsonContext = {
    publicUrl: o.publicUrl,
    orgSlug: o.orgSlug,
    projects: new Map(o.projects.map((p) => [p.id, p])),
    users: new Map(users.map((u) => [u.id, u])),
    teams: new Map(teams.map((t) => [t.id, t])),
    substatusOf: o.substatusOf,
    stats: o.statsPeriods.length === 0 ? undefined : { periods: o.statsPeriods, series },
    filteredCounts: o.countFilter === null ? undefined : await filteredCounts(db, ids, o.countFilter),
    unhandled: new Set(unhandled.map((u) => u.issue_id)),
    releases: o.releaseSummaries ? await o.releaseSummaries(pageReleases(rows)) : undefined,
  };
  return rows.map((r) => issueJson(r, ctx));
}

function pageReleases(rows: readonly IssueRow[]): string[] {
  const versions = new Set<string>();
  for (const r of rows) {
    if (r.first_release !== null) versions.add(r.first_release);
    if (r.last_release !== null) versions.add(r.last_release);
  }
  return [...versions];
}

/**
 * Group JSON of some issues by id, without sparklines or scoped counts: what another domain
 * embeds (a user report's `issue`). Ids outside `projects` are left out.
 */
export async function issueJsonByIds(
  db: Kysely<Database>,
  ids: readonly number[],
  o: Pick<SerializeIssuesOptions, 'publicUrl' | 'orgSlug' | 'projects' | 'now'>,
): Promise<Map<number, IssueJson>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || o.projects.length === 0) return new Map();
  const rows = await db
    .selectFrom('issues')
    .selectAll()
    .where('id', 'in', unique)
    .where(
      'project_id',
      'in',
      o.projects.map((p) => p.id),
    )
    .execute();
  const substatusOf = (row: IssueRow) =>
    effectiveSubstatus({ status: row.status, substatus: row.substatus, regressedAt: row.regressed_at, firstSeen: row.first_seen }, o.now);
  const json = await serializeIssues(db, rows, { ...o, substatusOf, statsPeriods: [], countFilter: null });
  return new Map(json.map((j) => [Number(j.id), j]));
}
