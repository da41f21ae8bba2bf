import type { KeysetCursor } from '../../http/index.js';
import type { RepoContext, StoreExecutor, UserReportTable } from '../../store/index.js';

export interface UserReportRecord {
  readonly id: number;
  readonly projectId: number;
  readonly eventId: string;
  readonly issueId: number | null;
  readonly environment: string | null;
  readonly name: string;
  readonly email: string;
  readonly comments: string;
  readonly source: string;
  readonly dateCreated: number;
}

export interface NewUserReport {
  readonly projectId: number;
  readonly eventId: string;
  readonly issueId: number | null;
  readonly environment: string | null;
  readonly name: string;
  readonly email: string;
  readonly comments: string;
  readonly source: string;
  readonly dateCreated: number;
}

export interface UserReportListQuery {
  readonly projectIds: readonly number[];
  /** only the reports of this issue */
  readonly issueId?: number;
  readonly environments?: readonly string[];
  /** only reports whose issue has this status; null = any */
  readonly issueStatus: string | null;
  /** reports created at or after (retention) */
  readonly since: number;
  readonly limit: number;
  readonly cursor: KeysetCursor | null;
}

type Row = Omit<UserReportTable, 'id'> & { id: number };

function recordOf(r: Row): UserReportRecord {
  return {
    id: r.id,
    projectId: r.project_id,
    eventId: r.event_id,
    issueId: r.issue_id,
    environment: r.environment,
    name: r.name,
    email: r.email,
    comments: r.comments,
    source: r.source,
    dateCreated: Number(r.date_created),
  };
}

/** user_reports: one report per project and event id; listed newest first by keyset. */
export function createUserReportRepo({ db }: RepoContext) {
  return {
    async get(trx: StoreExecutor, projectId: number, eventId: string): Promise<UserReportRecord | undefined> {
      const row = await trx.selectFrom('user_reports').selectAll().where('project_id', '=', projectId).where('event_id', '=', eventId).executeTakeFirst();
      return row && recordOf(row);
    },

    /** Inserts, or (a concurrent insert won) leaves the existing row: the caller re-reads. */
    async insert(trx: StoreExecutor, r: NewUserReport): Promise<void> {
      await trx
        .insertInto('user_reports')
        .values({
          project_id: r.projectId,
          event_id: r.eventId,
          issue_id: r.issueId,
          environment: r.environment,
          name: r.name,
          email: r.email,
          comments: r.comments,
          source: r.source,
          date_created: r.dateCreated,
        })
        .onConflict((oc) => oc.columns(['project_id', 'event_id']).doNothing())
        .execute();
    },

    async overwrite(trx: StoreExecutor, id: number, patch: Pick<NewUserReport, 'name' | 'email' | 'comments' | 'source'>): Promise<void> {
      await trx
        .updateTable('user_reports')
        .set({ name: patch.name, email: patch.email, comments: patch.comments, source: patch.source })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Links the reports that waited for these events to the events' issues. Returns how many
     * were linked. One indexed lookup per project; updates only for events that had a report.
     */
    async linkEvents(
      trx: StoreExecutor,
      events: readonly { projectId: number; eventId: string; issueId: number; environment: string | null }[],
    ): Promise<number> {
      const byProject = new Map<number, typeof events>();
      for (const e of events) byProject.set(e.projectId, [...(byProject.get(e.projectId) ?? []), e]);
      let linked = 0;
      for (const [projectId, list] of byProject) {
        const ids = [...new Set(list.map((e) => e.eventId))];
        const waiting = await trx
          .selectFrom('user_reports')
          .select(['id', 'event_id'])
          .where('project_id', '=', projectId)
          .where('issue_id', 'is', null)
          .where('event_id', 'in', ids)
          .execute();
        for (const w of waiting) {
          const e = list.find((x) => x.eventId === w.event_id);
          if (e === undefined) continue;
          await trx.updateTable('user_reports').set({ issue_id: e.issueId, environment: e.environment }).where('id', '=', w.id).execute();
          linked++;
        }
      }
      return linked;
    },

    /** Reports attached to an issue, newest first (Sentry lists only those). */
    async list(q: UserReportListQuery): Promise<UserReportRecord[]> {
      if (q.projectIds.length === 0) return [];
      let query = db
        .selectFrom('user_reports')
        .innerJoin('issues', 'issues.id', 'user_reports.issue_id')
        .selectAll('user_reports')
        .where('user_reports.project_id', 'in', [...q.projectIds])
        .where('user_reports.date_created', '>=', q.since);
      if (q.issueId !== undefined) query = query.where('user_reports.issue_id', '=', q.issueId);
      if (q.issueStatus !== null) query = query.where('issues.status', '=', q.issueStatus);
      if (q.environments && q.environments.length > 0) query = query.where('user_reports.environment', 'in', [...q.environments]);
      const c = q.cursor;
      if (c !== null) {
        query = c.backwards
          ? query.where((eb) =>
              eb.or([eb('user_reports.date_created', '>', c.value), eb.and([eb('user_reports.date_created', '=', c.value), eb('user_reports.id', '>', c.id)])]),
            )
          : query.where((eb) =>
              eb.or([eb('user_reports.date_created', '<', c.value), eb.and([eb('user_reports.date_created', '=', c.value), eb('user_reports.id', '<', c.id)])]),
            );
      }
      const dir = c?.backwards ? 'asc' : 'desc';
      const rows = await query
        .orderBy('user_reports.date_created', dir)
        .orderBy('user_reports.id', dir)
        .limit(q.limit + 1)
        .execute();
      return rows.map(recordOf);
    },

    /** Retention: reports created before `cutoff`, at most `limit` per call; returns how many went. */
    async deleteBefore(projectId: number, cutoff: number, limit: number): Promise<number> {
      const doomed = db.selectFrom('user_reports').select('id').where('project_id', '=', projectId).where('date_created', '<', cutoff).limit(limit);
      const result = await db.deleteFrom('user_reports').where('id', 'in', doomed).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async countForIssue(issueId: number): Promise<number> {
      const row = await db
        .selectFrom('user_reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('issue_id', '=', issueId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type UserReportRepo = ReturnType<typeof createUserReportRepo>;
