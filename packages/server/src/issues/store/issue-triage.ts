import type { Updateable } from 'kysely';
import { type IssueTable, inTransaction, type RepoContext, type StoreExecutor } from '../../store/index.js';
import { type IssueLifecycleColumns, lifecycleColumnValues } from './issue-writes.js';

/** What a person changes on an issue: lifecycle columns (issues/ computes them), assignee, review mark. */
export interface IssueTriagePatch extends Partial<IssueLifecycleColumns> {
  assigneeUserId?: number | null;
  assigneeTeamId?: number | null;
  reviewedAt?: number | null;
}

export interface IssueTriageChange {
  issueId: number;
  patch: IssueTriagePatch;
  /** activity rows to record (issue_activity.type + JSON data) */
  activity: readonly { type: string; data: Readonly<Record<string, unknown>> }[];
}

/** The facts status changes depend on, for issues that were not merged away. */
export interface IssueTriageFacts {
  id: number;
  projectId: number;
  status: string;
  timesSeen: number;
  userCount: number;
  lastRelease: string | null;
}

const chunkSize = 500;

function columns(patch: IssueTriagePatch): Updateable<IssueTable> {
  const { assigneeUserId, assigneeTeamId, reviewedAt, ...lifecycle } = patch;
  return {
    ...lifecycleColumnValues(lifecycle),
    ...(assigneeUserId === undefined ? {} : { assignee_user_id: assigneeUserId }),
    ...(assigneeTeamId === undefined ? {} : { assignee_team_id: assigneeTeamId }),
    ...(reviewedAt === undefined ? {} : { reviewed_at: reviewedAt }),
  };
}

/**
 * User-initiated writes to issues (the issues API): status, assignee, review mark, deletion.
 * Identical patches are applied by one UPDATE per chunk of ids, so a bulk change of thousands
 * of issues is a handful of statements. Merging lives in issue-merge.ts.
 */
export function createIssueTriageRepo({ db, clock }: RepoContext) {
  return {
    async facts(ids: readonly number[]): Promise<IssueTriageFacts[]> {
      const out: IssueTriageFacts[] = [];
      for (let i = 0; i < ids.length; i += chunkSize) {
        const rows = await db
          .selectFrom('issues')
          .select(['id', 'project_id', 'status', 'times_seen', 'user_count', 'last_release'])
          .where('id', 'in', ids.slice(i, i + chunkSize))
          .where('merged_into_id', 'is', null)
          .orderBy('id')
          .execute();
        for (const r of rows)
          out.push({ id: r.id, projectId: r.project_id, status: r.status, timesSeen: r.times_seen, userCount: r.user_count, lastRelease: r.last_release });
      }
      return out;
    },

    /**
     * Applies every change and its activity in one transaction; `userId` is who did it. Given
     * `trx`, the writes join that transaction instead (a triage that also merges commits once).
     */
    async apply(changes: readonly IssueTriageChange[], userId: number | null, trx?: StoreExecutor): Promise<void> {
      const byPatch = new Map<string, { values: Updateable<IssueTable>; ids: number[] }>();
      for (const c of changes) {
        const values = columns(c.patch);
        if (Object.keys(values).length === 0) continue;
        const key = JSON.stringify(values);
        const group = byPatch.get(key) ?? { values, ids: [] };
        group.ids.push(c.issueId);
        byPatch.set(key, group);
      }
      const now = clock.now();
      const activity = changes.flatMap((c) =>
        c.activity.map((a) => ({ issue_id: c.issueId, type: a.type, data: JSON.stringify(a.data), user_id: userId, created_at: now })),
      );
      await inTransaction(db, trx, async (trx) => {
        for (const { values, ids } of byPatch.values()) {
          for (let i = 0; i < ids.length; i += chunkSize)
            await trx
              .updateTable('issues')
              .set(values)
              .where('id', 'in', ids.slice(i, i + chunkSize))
              .execute();
        }
        for (let i = 0; i < activity.length; i += chunkSize)
          await trx
            .insertInto('issue_activity')
            .values(activity.slice(i, i + chunkSize))
            .execute();
      });
    },

    /**
     * Deletes issues with their events; counters, hashes and activity go by cascade, so later
     * events with the same fingerprint start a new issue (as in Sentry). Tombstones of issues
     * merged into them go too.
     */
    async remove(ids: readonly number[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < ids.length; i += chunkSize) {
          const chunk = ids.slice(i, i + chunkSize);
          await removeChunk(trx, chunk);
        }
      });
    },
  };
}

async function removeChunk(trx: StoreExecutor, ids: readonly number[]): Promise<void> {
  const tombstones = await trx.selectFrom('issues').select('id').where('merged_into_id', 'in', ids).execute();
  const all = [...ids, ...tombstones.map((t) => t.id)];
  await trx.deleteFrom('events').where('issue_id', 'in', all).execute();
  await trx.deleteFrom('issues').where('id', 'in', all).execute();
}

export type IssueTriageRepo = ReturnType<typeof createIssueTriageRepo>;
