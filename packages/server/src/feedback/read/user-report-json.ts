import { decodeEvent, eventByEventId } from '../../events/index.js';
import type { IssueJson } from '../../issues/index.js';
import type { Store } from '../../store/index.js';
import type { UserReportRecord } from '../store/user-report-repo.js';

/** Sentry's reporter `user`: all six keys, as the Sentry MCP server requires of a non-null one. */
export interface ReportUserJson {
  /** never null: the MCP server requires a string; the SDK's id, else the first identifying value */
  id: string;
  username: string | null;
  email: string | null;
  name: string | null;
  ipAddress: string | null;
  avatarUrl: string | null;
}

export interface UserReportJson {
  id: string;
  eventID: string;
  name: string;
  email: string;
  comments: string;
  dateCreated: string;
  user: ReportUserJson | null;
  event: { id: string; eventID: string };
  issue?: IssueJson | null;
}

/**
 * A page of reports as Sentry's user-report JSON
 * (https://docs.sentry.io/api/projects/list-a-projects-user-feedback/): `name` falls back to the
 * e-mail, then the event user's name; `email` to the event user's e-mail; `user` is the event's
 * user when the event is stored and has one. `issues` adds the `issue` key (project lists).
 */
export async function userReportJson(store: Store, reports: readonly UserReportRecord[], issues?: ReadonlyMap<number, IssueJson>): Promise<UserReportJson[]> {
  const out: UserReportJson[] = [];
  for (const r of reports) {
    const user = await eventUser(store, r.projectId, r.eventId);
    const json: UserReportJson = {
      id: String(r.id),
      eventID: r.eventId,
      name: r.name || r.email || user?.name || '',
      email: r.email || user?.email || '',
      comments: r.comments,
      dateCreated: new Date(r.dateCreated).toISOString(),
      user,
      event: { id: r.eventId, eventID: r.eventId },
    };
    if (issues !== undefined) json.issue = r.issueId === null ? null : (issues.get(r.issueId) ?? null);
    out.push(json);
  }
  return out;
}

async function eventUser(store: Store, projectId: number, eventId: string): Promise<ReportUserJson | null> {
  const row = await eventByEventId(store.db, [projectId], eventId);
  if (row === undefined) return null;
  const user = decodeEvent(row).doc.user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return null;
  const u = user as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const id = text(u.id) ?? text(u.email) ?? text(u.username) ?? text(u.ip_address);
  if (id === null) return null;
  return {
    id,
    username: text(u.username),
    email: text(u.email),
    name: text(u.name) ?? text(u.username) ?? text(u.email),
    ipAddress: text(u.ip_address),
    avatarUrl: null,
  };
}
