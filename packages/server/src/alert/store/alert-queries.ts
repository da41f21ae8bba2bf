import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, RepoContext } from '../../store/index.js';

/** What alert messages and filters need to know about an issue. */
export interface AlertIssueFacts {
  id: number;
  projectId: number;
  shortId: number;
  type: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  firstSeen: number;
  lastSeen: number;
  firstRelease: string | null;
  timesSeen: number;
  userCount: number;
}

/** A condition on `issues`, e.g. compiled from an issue search by issues/read. */
export type IssueRowCondition = (eb: ExpressionBuilder<Database, 'issues'>) => Expression<SqlBool>;

export interface EventWindow {
  projectId: number;
  /** inclusive, ms */
  start: number;
  /** exclusive, ms */
  end: number;
  environment: string | null;
  /** only events of issues matching all of these */
  issueConditions?: readonly IssueRowCondition[];
}

const hourMs = 3_600_000;

/**
 * The reads alert evaluation makes on other aggregates' tables. Every count is over an
 * index range: per-issue counts stop at `cap` rows (a rule only asks "more than N?"),
 * so their cost is bounded by the threshold, not by the traffic.
 */
export function createAlertQueryRepo({ db }: RepoContext) {
  function eventsIn(w: EventWindow) {
    let q = db
      .selectFrom('events')
      .where('events.project_id', '=', w.projectId)
      .where('events.received_at', '>=', w.start)
      .where('events.received_at', '<', w.end)
      .where('events.type', '=', 'event');
    if (w.environment !== null) q = q.where('events.environment', '=', w.environment);
    const conditions = w.issueConditions ?? [];
    if (conditions.length > 0) {
      q = q.where('events.issue_id', 'in', (eb) => {
        let sub = eb.selectFrom('issues').select('issues.id').where('issues.project_id', '=', w.projectId);
        for (const c of conditions) sub = sub.where((ieb) => c(ieb as unknown as ExpressionBuilder<Database, 'issues'>));
        return sub;
      });
    }
    return q;
  }

  return {
    async issueFacts(ids: readonly number[]): Promise<Map<number, AlertIssueFacts>> {
      const out = new Map<number, AlertIssueFacts>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('issues')
        .select([
          'id',
          'project_id',
          'short_id',
          'type',
          'title',
          'culprit',
          'level',
          'status',
          'first_seen',
          'last_seen',
          'first_release',
          'times_seen',
          'user_count',
          'metadata',
        ])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      for (const r of rows) {
        out.set(r.id, {
          id: r.id,
          projectId: r.project_id,
          shortId: r.short_id,
          // A cron issue is stored as a `default` issue whose metadata names Sentry's group type
          // (process/monitors/cron-issue-events.ts); the issue category filter needs to tell it apart.
          type: r.type === 'default' && r.metadata.includes('"type":"monitor_check_in_failure"') ? 'cron' : r.type,
          title: r.title,
          culprit: r.culprit,
          level: r.level,
          status: r.status,
          firstSeen: r.first_seen,
          lastSeen: r.last_seen,
          firstRelease: r.first_release,
          timesSeen: r.times_seen,
          userCount: r.user_count,
        });
      }
      return out;
    },

    /** Events of an issue received since `since`, counted up to `cap`. */
    async issueEventsSince(issueId: number, since: number, environment: string | null, cap: number): Promise<number> {
      let inner = db.selectFrom('events').select('events.id').where('events.issue_id', '=', issueId).where('events.received_at', '>=', since);
      if (environment !== null) inner = inner.where('events.environment', '=', environment);
      const r = await db
        .selectFrom(inner.limit(cap).as('w'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Hourly counts of an issue from the hour containing `since` on: for day-long windows, where an hour's precision is enough. */
    async issueHourlySince(issueId: number, since: number, environment: string | null): Promise<number> {
      let q = db
        .selectFrom('issue_hourly')
        .select((eb) => eb.fn.sum<number>('count').as('n'))
        .where('issue_id', '=', issueId)
        .where('hour', '>=', Math.floor(since / hourMs) * hourMs);
      if (environment !== null) q = q.where('environment', '=', environment);
      const r = await q.executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Distinct users of an issue seen since `since` (their last_seen is in the window), counted up to `cap`. */
    async issueUsersSince(issueId: number, since: number, cap: number): Promise<number> {
      const inner = db.selectFrom('issue_users').select('user_key').where('issue_id', '=', issueId).where('last_seen', '>=', since).limit(cap);
      const r = await db
        .selectFrom(inner.as('w'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async countEvents(w: EventWindow): Promise<number> {
      const r = await eventsIn(w)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async countDistinctUsers(w: EventWindow): Promise<number> {
      const r = await eventsIn(w)
        .where('events.user_key', 'is not', null)
        .select((eb) => eb.fn.count<number>('events.user_key').distinct().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** E-mail addresses of a team's members; empty when the team is not in `orgId`. */
    async teamEmails(orgId: number, teamId: number): Promise<string[]> {
      const rows = await db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .innerJoin('members', 'members.id', 'team_members.member_id')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select('users.email')
        .where('teams.id', '=', teamId)
        .where('teams.org_id', '=', orgId)
        .orderBy('users.email')
        .execute();
      return rows.map((r) => r.email);
    },

    /** The e-mail of a member of `orgId`, by user id. */
    async memberEmail(orgId: number, userId: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select('users.email')
        .where('members.org_id', '=', orgId)
        .where('members.user_id', '=', userId)
        .executeTakeFirst();
      return row?.email;
    },
  };
}

export type AlertQueryRepo = ReturnType<typeof createAlertQueryRepo>;
