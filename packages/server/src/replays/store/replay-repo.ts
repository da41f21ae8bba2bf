import { sql } from 'kysely';
import type { RepoContext, StoreExecutor } from '../../store/index.js';
import { PLACEHOLDER_SUMMARY, type ReplaySummary, readSummary } from '../replay-summary.js';
import { existingReplays, replaysOfIssues, replaysOfTransactions } from './replay-count-queries.js';

/** One replay's row as the stage and the read model use it. */
export interface ReplayRecord {
  readonly id: number;
  readonly projectId: number;
  readonly replayId: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly environment: string | null;
  readonly isArchived: boolean;
  readonly recordingBytes: number;
  readonly segmentCount: number;
  readonly summary: ReplaySummary;
  readonly updatedAt: number;
  /** a row `claim` created that no replay item has filled yet (hidden from the API) */
  readonly isPlaceholder: boolean;
}

export interface ReplayRowWrite {
  readonly projectId: number;
  readonly replayId: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly environment: string | null;
  readonly recordingBytes: number;
  readonly segmentCount: number;
  readonly summary: ReplaySummary;
  readonly updatedAt: number;
}

export interface NewSegment {
  readonly projectId: number;
  readonly replayId: string;
  readonly segmentId: number;
  readonly recording: Uint8Array;
  readonly receivedAt: number;
}

export interface ReplayErrorLink {
  readonly projectId: number;
  readonly replayId: string;
  readonly eventId: string;
  readonly issueId: number | null;
  readonly level: string;
  readonly receivedAt: number;
}

export interface SegmentMeta {
  readonly segmentId: number;
  readonly size: number;
  readonly receivedAt: number;
}

export interface ReplayListQuery {
  readonly projectIds: readonly number[];
  /** ms, inclusive */
  readonly start: number;
  /** ms, exclusive */
  readonly end: number;
  readonly environments: readonly string[];
  readonly limit: number;
}

type Row = {
  id: number;
  project_id: number;
  replay_id: string;
  started_at: number | string;
  finished_at: number | string;
  environment: string | null;
  is_archived: number;
  recording_bytes: number | string;
  segment_count: number;
  summary: string;
  updated_at: number | string;
};

function record(r: Row): ReplayRecord {
  return {
    id: r.id,
    projectId: r.project_id,
    replayId: r.replay_id,
    startedAt: Number(r.started_at),
    finishedAt: Number(r.finished_at),
    environment: r.environment,
    isArchived: r.is_archived === 1,
    recordingBytes: Number(r.recording_bytes),
    segmentCount: r.segment_count,
    summary: readSummary(r.summary),
    isPlaceholder: r.summary === PLACEHOLDER_SUMMARY,
    updatedAt: Number(r.updated_at),
  };
}

const rowsPerInsert = 200;

/** The replay tables: the pipeline's writes (in the batch's transaction), the API's reads, delete and retention. */
export function createReplayRepo(ctx: RepoContext) {
  const { db } = ctx;
  return {
    async get(exec: StoreExecutor, projectId: number, replayId: string): Promise<ReplayRecord | undefined> {
      const row = await exec.selectFrom('replays').selectAll().where('project_id', '=', projectId).where('replay_id', '=', replayId).executeTakeFirst();
      return row === undefined ? undefined : record(row);
    },

    /**
     * Claims a replay's row for a read-modify-write in the caller's transaction: creates an
     * empty row if there is none, then takes its row lock with a no-op update, so two workers
     * (PostgreSQL, several processes) updating one replay apply their segments one after the
     * other instead of one overwriting the other; on SQLite the write transaction is already
     * exclusive. Returns whether the row was created here (`discard` removes it if unused).
     */
    async claim(trx: StoreExecutor, projectId: number, replayId: string, at: number): Promise<{ created: boolean }> {
      const inserted = await trx
        .insertInto('replays')
        .values({
          project_id: projectId,
          replay_id: replayId,
          started_at: at,
          finished_at: at,
          environment: null,
          is_archived: 0,
          recording_bytes: 0,
          segment_count: 0,
          summary: PLACEHOLDER_SUMMARY,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['project_id', 'replay_id']).doNothing())
        .executeTakeFirst();
      await trx
        .updateTable('replays')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .execute();
      return { created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
    },

    /** Removes a row `claim` created that nothing was stored in. */
    async discard(trx: StoreExecutor, projectId: number, replayId: string): Promise<void> {
      await trx
        .deleteFrom('replays')
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .where('summary', '=', PLACEHOLDER_SUMMARY)
        .execute();
    },

    /** Inserts the row or replaces the aggregated columns of the existing one. */
    async save(trx: StoreExecutor, w: ReplayRowWrite): Promise<void> {
      const values = {
        started_at: w.startedAt,
        finished_at: w.finishedAt,
        environment: w.environment,
        recording_bytes: w.recordingBytes,
        segment_count: w.segmentCount,
        summary: JSON.stringify(w.summary),
        updated_at: w.updatedAt,
      };
      await trx
        .insertInto('replays')
        .values({ project_id: w.projectId, replay_id: w.replayId, is_archived: 0, ...values })
        .onConflict((oc) => oc.columns(['project_id', 'replay_id']).doUpdateSet(values))
        .execute();
    },

    async segmentSize(exec: StoreExecutor, projectId: number, replayId: string, segmentId: number): Promise<number | undefined> {
      const row = await exec
        .selectFrom('replay_segments')
        .select('size')
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .where('segment_id', '=', segmentId)
        .executeTakeFirst();
      return row?.size;
    },

    /** A repeated segment id replaces the stored recording (docs/replays.md › Segments). */
    async putSegment(trx: StoreExecutor, s: NewSegment): Promise<void> {
      const values = { recording: s.recording, size: s.recording.length, received_at: s.receivedAt };
      await trx
        .insertInto('replay_segments')
        .values({ project_id: s.projectId, replay_id: s.replayId, segment_id: s.segmentId, ...values })
        .onConflict((oc) => oc.columns(['project_id', 'replay_id', 'segment_id']).doUpdateSet(values))
        .execute();
    },

    /** Compressed recording bytes the project stores (archived replays hold none). */
    async projectBytes(exec: StoreExecutor, projectId: number): Promise<number> {
      const row = await exec
        .selectFrom('replays')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('recording_bytes'), eb.lit(0)).as('bytes'))
        .where('project_id', '=', projectId)
        .executeTakeFirst();
      return Number(row?.bytes ?? 0);
    },

    async linkErrors(trx: StoreExecutor, links: readonly ReplayErrorLink[]): Promise<void> {
      for (let i = 0; i < links.length; i += rowsPerInsert) {
        const values = links.slice(i, i + rowsPerInsert).map((l) => ({
          project_id: l.projectId,
          replay_id: l.replayId,
          event_id: l.eventId,
          issue_id: l.issueId,
          level: l.level,
          received_at: l.receivedAt,
        }));
        await trx
          .insertInto('replay_errors')
          .values(values)
          // The error event knows its issue; a replay_event's error_ids do not: keep what is known.
          .onConflict((oc) =>
            oc
              .columns(['project_id', 'replay_id', 'event_id'])
              .doUpdateSet({ issue_id: sql<number | null>`coalesce(excluded.issue_id, replay_errors.issue_id)` }),
          )
          .execute();
      }
    },

    async linkedErrors(exec: StoreExecutor, projectId: number, replayId: string): Promise<{ eventId: string; level: string }[]> {
      const rows = await exec
        .selectFrom('replay_errors')
        .select(['event_id', 'level'])
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .limit(1000)
        .execute();
      return rows.map((r) => ({ eventId: r.event_id, level: r.level }));
    },

    async find(projectIds: readonly number[], replayId: string): Promise<ReplayRecord | undefined> {
      if (projectIds.length === 0) return undefined;
      const row = await db
        .selectFrom('replays')
        .selectAll()
        .where('project_id', 'in', [...projectIds])
        .where('replay_id', '=', replayId)
        .where('summary', '!=', PLACEHOLDER_SUMMARY)
        .orderBy('id')
        .executeTakeFirst();
      return row === undefined ? undefined : record(row);
    },

    /** Replays active in the window (they overlap it), newest first, at most `limit`: the list filters and sorts these. */
    async list(q: ReplayListQuery): Promise<ReplayRecord[]> {
      if (q.projectIds.length === 0) return [];
      let query = db
        .selectFrom('replays')
        .selectAll()
        .where('project_id', 'in', [...q.projectIds])
        .where('finished_at', '>=', q.start)
        .where('started_at', '<', q.end)
        .where('summary', '!=', PLACEHOLDER_SUMMARY);
      if (q.environments.length > 0) query = query.where('environment', 'in', [...q.environments]);
      const rows = await query.orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      return rows.map(record);
    },

    async segments(projectId: number, replayId: string, offset: number, limit: number): Promise<SegmentMeta[]> {
      const rows = await db
        .selectFrom('replay_segments')
        .select(['segment_id', 'size', 'received_at'])
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .orderBy('segment_id')
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map((r) => ({ segmentId: r.segment_id, size: r.size, receivedAt: Number(r.received_at) }));
    },

    async recordings(projectId: number, replayId: string, offset: number, limit: number): Promise<{ segmentId: number; recording: Uint8Array }[]> {
      const rows = await db
        .selectFrom('replay_segments')
        .select(['segment_id', 'recording'])
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .orderBy('segment_id')
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map((r) => ({ segmentId: r.segment_id, recording: new Uint8Array(r.recording) }));
    },

    async recording(projectId: number, replayId: string, segmentId: number): Promise<{ recording: Uint8Array; receivedAt: number } | undefined> {
      const row = await db
        .selectFrom('replay_segments')
        .select(['recording', 'received_at'])
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .where('segment_id', '=', segmentId)
        .executeTakeFirst();
      return row === undefined ? undefined : { recording: new Uint8Array(row.recording), receivedAt: Number(row.received_at) };
    },

    /** The replay page opened by `userId`: the first view counts, later ones change nothing. */
    async markViewed(projectId: number, replayId: string, userId: number, at: number): Promise<void> {
      await db
        .insertInto('replay_views')
        .values({ project_id: projectId, replay_id: replayId, user_id: userId, viewed_at: at })
        .onConflict((oc) => oc.columns(['project_id', 'replay_id', 'user_id']).doNothing())
        .execute();
    },

    /** The users who viewed the replay, first viewer first. */
    async viewers(projectId: number, replayId: string): Promise<number[]> {
      const rows = await db
        .selectFrom('replay_views')
        .select('user_id')
        .where('project_id', '=', projectId)
        .where('replay_id', '=', replayId)
        .orderBy('viewed_at')
        .orderBy('user_id')
        .execute();
      return rows.map((r) => Number(r.user_id));
    },

    /** Of the projects' replays, those `userId` has viewed, as `${projectId}:${replayId}`. */
    async viewedBy(userId: number, projectIds: readonly number[]): Promise<Set<string>> {
      if (projectIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('replay_views')
        .select(['project_id', 'replay_id'])
        .where('user_id', '=', userId)
        .where('project_id', 'in', projectIds)
        .execute();
      return new Set(rows.map((r) => `${r.project_id}:${r.replay_id}`));
    },

    /** DELETE: the recordings go, the row stays archived (Sentry's archived replay). */
    async archive(projectId: number, replayId: string, now: number): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('replays')
          .set({ is_archived: 1, recording_bytes: 0, segment_count: 0, updated_at: now })
          .where('project_id', '=', projectId)
          .where('replay_id', '=', replayId)
          .executeTakeFirst();
        await trx.deleteFrom('replay_segments').where('project_id', '=', projectId).where('replay_id', '=', replayId).execute();
        return Number(updated.numUpdatedRows) > 0;
      });
    },

    replaysOfIssues: (projectIds: readonly number[], issueIds: readonly number[], since: number) => replaysOfIssues(db, projectIds, issueIds, since),
    replaysOfTransactions: (projectIds: readonly number[], names: readonly string[], since: number) => replaysOfTransactions(db, projectIds, names, since),
    existing: (projectIds: readonly number[], replayIds: readonly string[]) => existingReplays(db, projectIds, replayIds),

    /** Retention: replays not updated since `before`, with their segments and links; returns replays deleted. */
    async deleteUpdatedBefore(projectId: number, before: number, limit: number): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('replays')
          .select(['id', 'replay_id'])
          .where('project_id', '=', projectId)
          .where('updated_at', '<', before)
          .limit(limit)
          .execute();
        if (old.length === 0) return 0;
        const replayIds = old.map((r) => r.replay_id);
        await trx.deleteFrom('replay_segments').where('project_id', '=', projectId).where('replay_id', 'in', replayIds).execute();
        await trx.deleteFrom('replay_errors').where('project_id', '=', projectId).where('replay_id', 'in', replayIds).execute();
        await trx.deleteFrom('replay_views').where('project_id', '=', projectId).where('replay_id', 'in', replayIds).execute();
        await trx
          .deleteFrom('replays')
          .where(
            'id',
            'in',
            old.map((r) => r.id),
          )
          .execute();
        // Links to replays that never arrived age out on their own.
        await trx.deleteFrom('replay_errors').where('project_id', '=', projectId).where('received_at', '<', before).execute();
        return old.length;
      });
    },
  };
}

export type ReplayRepo = ReturnType<typeof createReplayRepo>;
