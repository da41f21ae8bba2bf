import type { StatsPeriod, StatsSeries } from './issue-stats.js';
import type { IssueRow } from './list-issues.js';
import { formatShortId } from './short-id.js';

export interface ProjectRef {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly platform: string | null;
}

export interface IssueJsonContext {
  readonly publicUrl: string;
  readonly orgSlug: string;
  readonly projects: ReadonlyMap<number, ProjectRef>;
  readonly users: ReadonlyMap<number, { readonly id: number; readonly name: string; readonly email: string }>;
  readonly teams: ReadonlyMap<number, { readonly id: number; readonly slug: string; readonly name: string }>;
  /** The substatus to show (the issues module turns stale new/regressed into ongoing). */
  readonly substatusOf: (row: IssueRow) => string | null;
  readonly stats?: { readonly periods: readonly StatsPeriod[]; readonly series: ReadonlyMap<StatsPeriod, ReadonlyMap<number, StatsSeries>> };
  /** event counts within the request's environments / time range, when it has any */
  readonly filteredCounts?: ReadonlyMap<number, number>;
  /** issues with an unhandled event (mechanism.handled = false) */
  readonly unhandled: ReadonlySet<number>;
  /** version → release summary (dates, short version) for the page's first/last releases on record */
  readonly releases?: ReadonlyMap<string, object>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));

export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Sentry's statusDetails: how an issue was resolved or for how long it is ignored. */
export function statusDetails(row: IssueRow): Record<string, unknown> {
  if (row.status === 'resolved') {
    if (row.resolution === 'in_release') return { inRelease: row.resolved_in_release };
    if (row.resolution === 'in_next_release') return { inNextRelease: true };
    return {};
  }
  if (row.status !== 'ignored') return {};
  const out: Record<string, unknown> = {};
  if (row.ignore_until !== null) out.ignoreUntil = iso(row.ignore_until);
  if (row.ignore_count !== null) Object.assign(out, { ignoreCount: row.ignore_count, ignoreWindow: minutes(row.ignore_window_ms) });
  if (row.ignore_user_count !== null) Object.assign(out, { ignoreUserCount: row.ignore_user_count, ignoreUserWindow: minutes(row.ignore_user_window_ms) });
  if (row.substatus === 'archived_until_escalating') out.ignoreUntilEscalating = true;
  return out;
}

export function assignedToJson(row: Pick<IssueRow, 'assignee_user_id' | 'assignee_team_id'>, ctx: Pick<IssueJsonContext, 'users' | 'teams'>) {
  const user = row.assignee_user_id === null ? undefined : ctx.users.get(row.assignee_user_id);
  if (user) return { type: 'user' as const, id: String(user.id), name: user.name, email: user.email };
  const team = row.assignee_team_id === null ? undefined : ctx.teams.get(row.assignee_team_id);
  if (team) return { type: 'team' as const, id: String(team.id), name: team.slug };
  return null;
}

/** One issue as Sentry's Group JSON (what sentry-cli, Grafana and Sentry's API clients read). */
export function issueJson(row: IssueRow, ctx: IssueJsonContext) {
  const project = ctx.projects.get(row.project_id);
  const slug = project?.slug ?? String(row.project_id);
  const count = String(row.times_seen);
  const lifetime = { count, userCount: row.user_count, firstSeen: iso(row.first_seen), lastSeen: iso(row.last_seen) };
  const filtered = ctx.filteredCounts?.get(row.id);
  const stats = ctx.stats ? Object.fromEntries(ctx.stats.periods.map((p) => [p, ctx.stats?.series.get(p)?.get(row.id) ?? []])) : undefined;
  return {
    id: String(row.id),
    shareId: null,
    shortId: formatShortId(slug, row.short_id),
    title: row.title,
    culprit: row.culprit,
    permalink: `${ctx.publicUrl}/organizations/${ctx.orgSlug}/issues/${row.id}/`,
    logger: null,
    level: row.level,
    status: row.status,
    substatus: ctx.substatusOf(row),
    statusDetails: statusDetails(row),
    isPublic: false,
    platform: row.platform,
    project: { id: String(row.project_id), name: project?.name ?? slug, slug, platform: project?.platform ?? null },
    type: row.type,
    ...issueKind(row.type, parseJsonObject(row.metadata)),
    metadata: parseJsonObject(row.metadata),
    numComments: 0,
    assignedTo: assignedToJson(row, ctx),
    isBookmarked: false,
    isSubscribed: false,
    subscriptionDetails: null,
    hasSeen: false,
    annotations: [] as string[],
    isUnhandled: ctx.unhandled.has(row.id),
    // Sentry scopes count to the requested environments / range and keeps the totals in `lifetime`.
    count: filtered === undefined ? count : String(filtered),
    userCount: row.user_count,
    firstSeen: iso(row.first_seen),
    lastSeen: iso(row.last_seen),
    firstRelease: row.first_release === null ? null : (ctx.releases?.get(row.first_release) ?? { version: row.first_release }),
    lastRelease: row.last_release === null ? null : (ctx.releases?.get(row.last_release) ?? { version: row.last_release }),
    lifetime,
    filtered: filtered === undefined ? null : { ...lifetime, count: String(filtered) },
    ...(stats ? { stats } : {}),
  };
}

export type IssueJson = ReturnType<typeof issueJson>;

/**
 * Sentry's issue type and category: a performance issue's group is a transaction whose
 * metadata names the detector (`performance_n_plus_one_db_queries`, …); everything else is
 * an error.
 */
export function issueKind(type: string, metadata: Record<string, unknown>): { issueType: string; issueCategory: string } {
  // Cron issues (process/monitors/cron-issue-events.ts): Sentry's group type 4001, category `cron`.
  // Feedback issues (process/feedback/): Sentry's group type 6001, category `feedback`.
  if (type === 'feedback') return { issueType: 'feedback', issueCategory: 'feedback' };
  if (type === 'default' && metadata.type === 'monitor_check_in_failure') return { issueType: 'monitor_check_in_failure', issueCategory: 'cron' };
  if (type !== 'transaction') return { issueType: 'error', issueCategory: 'error' };
  const detector = typeof metadata.type === 'string' && metadata.type.startsWith('performance_') ? metadata.type : 'performance';
  return { issueType: detector, issueCategory: 'performance' };
}
