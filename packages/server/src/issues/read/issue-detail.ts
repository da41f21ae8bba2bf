import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { parseJsonObject } from './issue-json.js';
import { issueTagKeys } from './issue-tags.js';
import type { IssueRow } from './list-issues.js';
import { type SerializeIssuesOptions, serializeIssues } from './serialize-issues.js';
import { parseShortId } from './short-id.js';

export async function issueById(db: Kysely<Database>, id: number): Promise<IssueRow | undefined> {
  return db.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `BACKEND-1A` among the given projects (Sentry's short-id lookup). */
export async function issueByShortId(db: Kysely<Database>, projects: readonly { id: number; slug: string }[], text: string): Promise<IssueRow | undefined> {
  const parsed = parseShortId(text);
  if (!parsed.ok) return undefined;
  const project = projects.find((p) => p.slug.toUpperCase() === parsed.prefix);
  if (!project) return undefined;
  return db.selectFrom('issues').selectAll().where('project_id', '=', project.id).where('short_id', '=', parsed.counter).executeTakeFirst();
}

/** The issue's history, newest first, as Sentry's activity JSON. */
export async function issueActivity(db: Kysely<Database>, issueId: number, limit = 100) {
  return activityRows(db, issueId, { limit, offset: 0 });
}

/** The issue's notes (activity of type `note`, data `{"text"}`), newest first. */
export async function issueNotes(db: Kysely<Database>, issueId: number, offset: number, limit: number) {
  const rows = await activityRows(db, issueId, { limit, offset, type: 'note' });
  return rows.map((r) => ({ ...r, data: { ...r.data, text: typeof r.data.text === 'string' ? r.data.text : '' } }));
}

async function activityRows(db: Kysely<Database>, issueId: number, o: { limit: number; offset: number; type?: string }) {
  const rows = await db
    .selectFrom('issue_activity')
    .leftJoin('users', 'users.id', 'issue_activity.user_id')
    .select(['issue_activity.id', 'issue_activity.type', 'issue_activity.data', 'issue_activity.created_at', 'users.id as userId', 'users.name', 'users.email'])
    .where('issue_activity.issue_id', '=', issueId)
    .$if(o.type !== undefined, (q) => q.where('issue_activity.type', '=', o.type as string))
    .orderBy('issue_activity.id', 'desc')
    .limit(o.limit)
    .offset(o.offset)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    type: r.type,
    data: parseJsonObject(r.data),
    dateCreated: new Date(r.created_at).toISOString(),
    user: r.userId === null ? null : { id: String(r.userId), name: r.name, email: r.email, username: r.email },
    sentry_app: null,
  }));
}

/** Sentry's group detail: the list JSON plus activity, tag keys, releases and 24h/30d stats. */
export async function issueDetailJson(db: Kysely<Database>, row: IssueRow, o: Omit<SerializeIssuesOptions, 'statsPeriods' | 'countFilter'>) {
  const [json] = await serializeIssues(db, [row], { ...o, statsPeriods: ['24h', '30d'], countFilter: null });
  const [activity, tags] = await Promise.all([issueActivity(db, row.id), issueTagKeys(db, row.id, [], 0)]);
  const release = (version: string | null) => (version === null ? null : { version, shortVersion: version, versionInfo: null });
  return {
    ...json,
    activity,
    tags: tags.map(({ key, name, totalValues }) => ({ key, name, totalValues })),
    firstRelease: release(row.first_release),
    lastRelease: release(row.last_release),
    seenBy: [] as unknown[],
    participants: [] as unknown[],
    userReportCount: 0,
    pluginActions: [] as unknown[],
    pluginIssues: [] as unknown[],
    pluginContexts: [] as unknown[],
    inbox: null,
  };
}
