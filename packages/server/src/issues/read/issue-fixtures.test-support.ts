// Test support (not a test): issues written straight into the issue tables, the way the
// pipeline leaves them (rows, tag/user/hourly counters, hashes, activity), so query tests
// control every value. Events carry real payloads: captures from test-fixtures/ normalized by
// the real normalizer, stored brotli-compressed like the pipeline stores them.
import { brotliCompressSync } from 'node:zlib';
import { normalizeCaptured } from '../../process/normalize/sdk-events.test-support.js';
import type { Store } from '../../store/index.js';

export const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface IssueSpec {
  readonly title: string;
  readonly culprit?: string;
  readonly level?: string;
  readonly status?: string;
  readonly substatus?: string | null;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly timesSeen: number;
  readonly userCount?: number;
  readonly firstRelease?: string;
  readonly lastRelease?: string;
  /** tag key → values, each seen `timesSeen` times between firstSeen and lastSeen unless given as [value, count, firstSeen] */
  readonly tags?: Readonly<Record<string, readonly (string | readonly [string, number, number])[]>>;
  readonly users?: readonly string[];
  readonly assigneeUserId?: number;
  readonly assigneeTeamId?: number;
  readonly regressedAt?: number;
  readonly reviewedAt?: number;
  readonly mergedInto?: number;
  readonly projectId?: number;
}

export interface Workspace {
  readonly orgId: number;
  readonly projectId: number;
  readonly projectSlug: string;
  readonly otherProjectId: number;
  readonly adminId: number;
  readonly bobId: number;
  readonly teamId: number;
}

/** An organization with two projects, two members (admin in team `backend`), nothing else. */
export async function seedWorkspace(store: Store): Promise<Workspace> {
  const org = await store.organizations.create({ slug: 'acme', name: 'Acme' });
  const project = await store.projects.create({ orgId: org.id, slug: 'shop', name: 'Shop', platform: 'node' });
  const other = await store.projects.create({ orgId: org.id, slug: 'other', name: 'Other', platform: 'python' });
  const admin = await store.users.create({ email: 'admin@example.com', name: 'Admin', passwordHash: null });
  const bob = await store.users.create({ email: 'bob@example.com', name: 'Bob', passwordHash: null });
  await store.members.add(org.id, admin.id, 'owner');
  await store.members.add(org.id, bob.id, 'member');
  const team = await store.teams.create(org.id, 'backend', 'Backend');
  const member = await store.members.find(org.id, admin.id);
  if (!member) throw new Error('no member');
  await store.teams.addMember(team.id, member.id);
  return { orgId: org.id, projectId: project.id, projectSlug: project.slug, otherProjectId: other.id, adminId: admin.id, bobId: bob.id, teamId: team.id };
}

let shortIds = 0;

export async function insertIssue(store: Store, projectId: number, s: IssueSpec): Promise<number> {
  const pid = s.projectId ?? projectId;
  const row = await store.db
    .insertInto('issues')
    .values({
      project_id: pid,
      short_id: ++shortIds,
      type: 'error',
      title: s.title,
      culprit: s.culprit ?? '',
      level: s.level ?? 'error',
      platform: 'node',
      metadata: JSON.stringify({ title: s.title }),
      grouping_mechanism: 'faultline:2026-11',
      status: s.status ?? 'unresolved',
      substatus: s.substatus === undefined ? 'ongoing' : s.substatus,
      first_seen: s.firstSeen,
      last_seen: s.lastSeen,
      first_release: s.firstRelease ?? null,
      last_release: s.lastRelease ?? s.firstRelease ?? null,
      times_seen: s.timesSeen,
      user_count: s.userCount ?? s.users?.length ?? 0,
      assignee_user_id: s.assigneeUserId ?? null,
      assignee_team_id: s.assigneeTeamId ?? null,
      regressed_at: s.regressedAt ?? null,
      reviewed_at: s.reviewedAt ?? null,
      merged_into_id: s.mergedInto ?? null,
      created_at: s.firstSeen,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  const tagRows = Object.entries(s.tags ?? {}).flatMap(([key, values]) =>
    values.map((v) => {
      const [value, count, first] = typeof v === 'string' ? [v, s.timesSeen, s.firstSeen] : v;
      return { issue_id: id, key, value, times_seen: count, first_seen: first, last_seen: s.lastSeen };
    }),
  );
  if (tagRows.length > 0) await store.db.insertInto('issue_tags').values(tagRows).execute();
  const users = (s.users ?? []).map((u) => ({ issue_id: id, user_key: u, first_seen: s.firstSeen, last_seen: s.lastSeen }));
  if (users.length > 0) await store.db.insertInto('issue_users').values(users).execute();
  return id;
}

/** Hourly counts: [hour start ms, environment, release, count]. */
export async function insertHourly(store: Store, issueId: number, rows: readonly (readonly [number, string, string, number])[]): Promise<void> {
  await store.db
    .insertInto('issue_hourly')
    .values(rows.map(([hour, environment, release, count]) => ({ issue_id: issueId, hour, environment, release, count })))
    .execute();
}

/** Stores a capture, normalized, as an event of `issueId` received at `receivedAt`. */
export async function insertEvent(
  store: Store,
  projectId: number,
  issueId: number | null,
  capture: string,
  receivedAt: number,
  eventId: string,
): Promise<void> {
  const event = normalizeCaptured(capture);
  event.event_id = eventId;
  const doc = {
    ...event,
    processing: {
      notes: [{ type: 'trimmed', path: 'breadcrumbs', detail: 'kept the last 100 breadcrumbs' }],
      grouping: { mechanism: 'faultline:2026-11', hashes: [`hash-${eventId}`] },
    },
  };
  await store.db
    .insertInto('events')
    .values({
      project_id: projectId,
      event_id: eventId,
      type: event.type === 'transaction' ? 'transaction' : 'event',
      received_at: receivedAt,
      payload_encoding: 'br',
      payload: brotliCompressSync(JSON.stringify(doc)),
      issue_id: issueId,
      timestamp: Math.round(event.timestamp * 1000),
      level: event.level,
      environment: event.environment ?? null,
      release: event.release ?? null,
      user_key: null,
      title: event.title,
    })
    .execute();
}
