import type { RepoContext, StoreExecutor } from '../../store/index.js';
import { type IssueLifecycleColumns, type IssueState, lifecycleColumnValues, stateColumns, toState } from './issue-state.js';

// Re-exported for the issues API's triage writes, which import them from here.
export { type IssueLifecycleColumns, lifecycleColumnValues } from './issue-state.js';

export interface NewIssue {
  projectId: number;
  shortId: number;
  type: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  /** JSON text */
  metadata: string;
  groupingMechanism: string;
  /** server time of its first event; counters start at zero and come with the batch's update */
  firstSeen: number;
}

/**
 * One issue's share of a processed batch, applied by a single UPDATE: counters are added,
 * first/last seen widened, and the latest event's fields win only if it is not older than
 * what the row already has (another process may have committed a newer batch).
 */
export interface IssueBatchUpdate {
  id: number;
  timesSeen: number;
  newUsers: number;
  firstSeen: number;
  lastSeen: number;
  latest: { eventId: string; level: string; title: string; culprit: string; metadata: string };
  /** the earliest release of the batch's events, kept if the issue has none yet */
  firstRelease: string | null;
  /** the latest event with a release: its release and time */
  lastRelease: { release: string; at: number } | null;
  lifecycle: Partial<IssueLifecycleColumns>;
}

const keysPerLookup = 500;
const rowsPerInsert = 500;

/**
 * The issue write path of the processing pipeline: the hash lookup that decides grouping,
 * issue creation, and one aggregated UPDATE per issue and batch. Every method joins the
 * caller's transaction. Counter tables (users, hourly, tags, activity): issue-counters.ts.
 */
export function createIssueWriteRepo(_ctx: RepoContext) {
  return {
    /** (mechanism, hash) → the issue owning it, for the hashes that have an owner. */
    async findByHashes(trx: StoreExecutor, projectId: number, mechanism: string, hashes: readonly string[]): Promise<Map<string, IssueState>> {
      const out = new Map<string, IssueState>();
      for (let i = 0; i < hashes.length; i += keysPerLookup) {
        const rows = await trx
          .selectFrom('issue_hashes')
          .innerJoin('issues', 'issues.id', 'issue_hashes.issue_id')
          .select(['issue_hashes.hash', ...stateColumns])
          .where('issue_hashes.project_id', '=', projectId)
          .where('issue_hashes.mechanism', '=', mechanism)
          .where('issue_hashes.hash', 'in', hashes.slice(i, i + keysPerLookup))
          .execute();
        for (const r of rows) out.set(r.hash, toState(r));
      }
      return out;
    },

    async byIds(trx: StoreExecutor, ids: readonly number[]): Promise<Map<number, IssueState>> {
      const out = new Map<number, IssueState>();
      for (let i = 0; i < ids.length; i += keysPerLookup) {
        const rows = await trx
          .selectFrom('issues')
          .select(stateColumns)
          .where('issues.id', 'in', ids.slice(i, i + keysPerLookup))
          .execute();
        for (const r of rows) out.set(r.id, toState(r));
      }
      return out;
    },

    /**
     * Hands out `n` short ids of a project; returns the first. The UPDATE also locks the
     * project row until commit, which serializes issue creation per project across processes.
     */
    async reserveShortIds(trx: StoreExecutor, projectId: number, n: number): Promise<number> {
      const row = await trx
        .updateTable('projects')
        .set((eb) => ({ issue_counter: eb('issue_counter', '+', n) }))
        .where('id', '=', projectId)
        .returning('issue_counter')
        .executeTakeFirstOrThrow();
      return row.issue_counter - n + 1;
    },

    /** Inserts issues; returns `projectId:shortId` → id. */
    async create(trx: StoreExecutor, issues: readonly NewIssue[], now: number): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let i = 0; i < issues.length; i += rowsPerInsert) {
        const values = issues.slice(i, i + rowsPerInsert).map((x) => ({
          project_id: x.projectId,
          short_id: x.shortId,
          type: x.type,
          title: x.title,
          culprit: x.culprit,
          level: x.level,
          platform: x.platform,
          metadata: x.metadata,
          grouping_mechanism: x.groupingMechanism,
          status: 'unresolved',
          substatus: 'new',
          times_seen: 0,
          user_count: 0,
          first_seen: x.firstSeen,
          last_seen: x.firstSeen,
          created_at: now,
        }));
        const rows = await trx.insertInto('issues').values(values).returning(['id', 'project_id', 'short_id']).execute();
        for (const r of rows) out.set(`${r.project_id}:${r.short_id}`, r.id);
      }
      return out;
    },

    /** Issues created for events that turned out to be duplicates (a concurrent delivery won). */
    async deleteEmpty(trx: StoreExecutor, ids: readonly number[]): Promise<void> {
      if (ids.length > 0) await trx.deleteFrom('issues').where('id', 'in', ids).where('times_seen', '=', 0).execute();
    },

    /** Adds hashes to issues; a hash that already has an owner keeps it (the first one wins). */
    async addHashes(trx: StoreExecutor, rows: readonly { projectId: number; mechanism: string; hash: string; issueId: number }[]): Promise<void> {
      for (let i = 0; i < rows.length; i += rowsPerInsert) {
        const values = rows.slice(i, i + rowsPerInsert).map((r) => ({ project_id: r.projectId, mechanism: r.mechanism, hash: r.hash, issue_id: r.issueId }));
        await trx
          .insertInto('issue_hashes')
          .values(values)
          .onConflict((oc) => oc.columns(['project_id', 'mechanism', 'hash']).doNothing())
          .execute();
      }
    },

    /** Applies one issue's aggregated share of a batch (see IssueBatchUpdate). */
    async applyBatch(trx: StoreExecutor, u: IssueBatchUpdate): Promise<void> {
      await trx
        .updateTable('issues')
        .set((eb) => {
          const newer = <C extends 'last_event_id' | 'level' | 'title' | 'culprit' | 'metadata'>(value: string, column: C) =>
            eb.case().when('last_seen', '<=', u.lastSeen).then(value).else(eb.ref(column)).end();
          return {
            times_seen: eb('times_seen', '+', u.timesSeen),
            user_count: eb('user_count', '+', u.newUsers),
            first_seen: eb.case().when('first_seen', '>', u.firstSeen).then(u.firstSeen).else(eb.ref('first_seen')).end(),
            last_seen: eb.case().when('last_seen', '<', u.lastSeen).then(u.lastSeen).else(eb.ref('last_seen')).end(),
            last_event_id: newer(u.latest.eventId, 'last_event_id'),
            level: newer(u.latest.level, 'level'),
            title: newer(u.latest.title, 'title'),
            culprit: newer(u.latest.culprit, 'culprit'),
            metadata: newer(u.latest.metadata, 'metadata'),
            ...(u.firstRelease === null ? {} : { first_release: eb.fn.coalesce('first_release', eb.val(u.firstRelease)) }),
            ...(u.lastRelease === null
              ? {}
              : { last_release: eb.case().when('last_seen', '<=', u.lastRelease.at).then(u.lastRelease.release).else(eb.ref('last_release')).end() }),
            ...lifecycleColumnValues(u.lifecycle),
          };
        })
        .where('id', '=', u.id)
        .execute();
    },
  };
}

export type IssueWriteRepo = ReturnType<typeof createIssueWriteRepo>;
