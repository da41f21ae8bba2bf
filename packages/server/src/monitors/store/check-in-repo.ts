import type { RepoContext, StoreExecutor } from '../../store/index.js';
import { type CheckInRecord, type CheckInStatus, checkInOf, type IncidentRecord, incidentOf } from './monitor-records.js';

export interface NewCheckIn {
  readonly guid: string;
  readonly projectId: number;
  readonly monitorId: number;
  readonly environmentId: number;
  readonly status: CheckInStatus;
  readonly durationMs: number | null;
  readonly dateCreated: number;
  readonly dateInProgress: number | null;
  readonly dateClock: number | null;
  readonly expectedTime: number | null;
  readonly timeoutAt: number | null;
  readonly traceId: string | null;
  readonly release: string | null;
  readonly monitorConfig: Record<string, unknown>;
}

export interface CheckInPatch {
  readonly status?: CheckInStatus;
  readonly durationMs?: number | null;
  readonly dateUpdated: number;
  readonly timeoutAt?: number | null;
  readonly traceId?: string | null;
}

export interface CheckInListQuery {
  readonly monitorId: number;
  /** environment names; absent = all */
  readonly environments?: readonly string[];
  /** dateCreated window [start, end) in ms */
  readonly start?: number;
  readonly end?: number;
  readonly limit: number;
  readonly offset?: number;
}

export interface CheckInStatsQuery {
  readonly monitorId: number;
  readonly environments?: readonly string[];
  /** [since, until) ms */
  readonly since: number;
  readonly until: number;
  readonly resolutionMs: number;
}

/** One bucket of Sentry's monitor stats: counts per status and the average duration (ms, 0 if none). */
export interface CheckInStatsBucket {
  /** bucket start, unix seconds */
  readonly ts: number;
  readonly ok: number;
  readonly error: number;
  readonly missed: number;
  readonly timeout: number;
  readonly unknown: number;
  readonly duration: number;
}

const TERMINAL: readonly CheckInStatus[] = ['ok', 'error', 'missed', 'timeout'];

/** Check-ins and incidents. Reads take a monitor id the caller resolved within its organization. */
export function createCheckInRepo(ctx: RepoContext) {
  const { db } = ctx;
  const withEnv = (trx: StoreExecutor) =>
    trx
      .selectFrom('monitor_checkins')
      .innerJoin('monitor_environments', 'monitor_environments.id', 'monitor_checkins.environment_id')
      .selectAll('monitor_checkins')
      .select('monitor_environments.environment');
  return {
    async insert(trx: StoreExecutor, c: NewCheckIn): Promise<CheckInRecord> {
      const row = await trx
        .insertInto('monitor_checkins')
        .values({
          guid: c.guid,
          project_id: c.projectId,
          monitor_id: c.monitorId,
          environment_id: c.environmentId,
          status: c.status,
          duration_ms: c.durationMs,
          date_created: c.dateCreated,
          date_updated: c.dateClock ?? c.dateCreated,
          date_in_progress: c.dateInProgress,
          date_clock: c.dateClock,
          expected_time: c.expectedTime,
          timeout_at: c.timeoutAt,
          trace_id: c.traceId,
          release: c.release,
          monitor_config: JSON.stringify(c.monitorConfig),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await this.byId(trx, row.id)) as CheckInRecord;
    },

    async update(trx: StoreExecutor, id: number, p: CheckInPatch): Promise<void> {
      await trx
        .updateTable('monitor_checkins')
        .set({
          date_updated: p.dateUpdated,
          ...(p.status === undefined ? {} : { status: p.status }),
          ...(p.durationMs === undefined ? {} : { duration_ms: p.durationMs }),
          ...(p.timeoutAt === undefined ? {} : { timeout_at: p.timeoutAt }),
          ...(p.traceId === undefined ? {} : { trace_id: p.traceId }),
        })
        .where('id', '=', id)
        .execute();
    },

    async byId(trx: StoreExecutor, id: number): Promise<CheckInRecord | undefined> {
      const row = await withEnv(trx).where('monitor_checkins.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : checkInOf(row);
    },

    /** The check-in of this monitor with the client's id (the newest, should a client reuse ids). */
    async byGuid(trx: StoreExecutor, monitorId: number, guid: string): Promise<CheckInRecord | undefined> {
      const row = await withEnv(trx)
        .where('monitor_checkins.monitor_id', '=', monitorId)
        .where('monitor_checkins.guid', '=', guid)
        .orderBy('monitor_checkins.id', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : checkInOf(row);
    },

    /** The latest in_progress check-in of a monitor environment (the nil check_in_id, `latest`). */
    async latestInProgress(trx: StoreExecutor, environmentId: number): Promise<CheckInRecord | undefined> {
      const row = await withEnv(trx)
        .where('monitor_checkins.environment_id', '=', environmentId)
        .where('monitor_checkins.status', '=', 'in_progress')
        .orderBy('monitor_checkins.date_created', 'desc')
        .orderBy('monitor_checkins.id', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : checkInOf(row);
    },

    /** The newest `n` finished check-ins of an environment (what thresholds count), newest first. */
    async recentTerminal(trx: StoreExecutor, environmentId: number, n: number): Promise<CheckInRecord[]> {
      const rows = await withEnv(trx)
        .where('monitor_checkins.environment_id', '=', environmentId)
        .where('monitor_checkins.status', 'in', [...TERMINAL])
        .orderBy('monitor_checkins.date_created', 'desc')
        .orderBy('monitor_checkins.id', 'desc')
        .limit(n)
        .execute();
      return rows.map(checkInOf);
    },

    /** The newest ok check-in of an environment (the alert's "last success"). */
    async lastOk(trx: StoreExecutor, environmentId: number): Promise<CheckInRecord | undefined> {
      const row = await withEnv(trx)
        .where('monitor_checkins.environment_id', '=', environmentId)
        .where('monitor_checkins.status', '=', 'ok')
        .orderBy('monitor_checkins.date_created', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : checkInOf(row);
    },

    /** Check-ins of an environment the server received since `since` (the per-minute limit). */
    async receivedSince(trx: StoreExecutor, environmentId: number, since: number): Promise<number> {
      const r = await trx
        .selectFrom('monitor_checkins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('environment_id', '=', environmentId)
        .where('date_clock', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** in_progress check-ins whose max runtime has passed (the timeout sweep), oldest first. */
    async dueTimeouts(trx: StoreExecutor, now: number, limit: number): Promise<CheckInRecord[]> {
      const rows = await withEnv(trx)
        .where('monitor_checkins.status', '=', 'in_progress')
        .where('monitor_checkins.timeout_at', '<=', now)
        .orderBy('monitor_checkins.timeout_at')
        .limit(limit)
        .execute();
      return rows.map(checkInOf);
    },

    /** Newest first, for the check-ins API. */
    async list(q: CheckInListQuery): Promise<CheckInRecord[]> {
      if (q.environments?.length === 0) return [];
      let sel = withEnv(db).where('monitor_checkins.monitor_id', '=', q.monitorId);
      if (q.environments !== undefined) sel = sel.where('monitor_environments.environment', 'in', [...q.environments]);
      if (q.start !== undefined) sel = sel.where('monitor_checkins.date_created', '>=', q.start);
      if (q.end !== undefined) sel = sel.where('monitor_checkins.date_created', '<', q.end);
      const rows = await sel
        .orderBy('monitor_checkins.date_created', 'desc')
        .orderBy('monitor_checkins.id', 'desc')
        .limit(q.limit)
        .offset(q.offset ?? 0)
        .execute();
      return rows.map(checkInOf);
    },

    /** Sentry's `/stats/`: buckets of `resolutionMs` from `since`, counts per status; in_progress is not counted. */
    async stats(q: CheckInStatsQuery): Promise<CheckInStatsBucket[]> {
      const slots = Math.max(1, Math.ceil((q.until - q.since) / q.resolutionMs));
      const out = Array.from({ length: slots }, (_, i) => ({
        ts: Math.floor((q.since + i * q.resolutionMs) / 1000),
        ok: 0,
        error: 0,
        missed: 0,
        timeout: 0,
        unknown: 0,
        duration: 0,
        n: 0,
      }));
      if (q.environments?.length === 0) return out.map(({ n: _n, ...b }) => b);
      let sel = db
        .selectFrom('monitor_checkins')
        .innerJoin('monitor_environments', 'monitor_environments.id', 'monitor_checkins.environment_id')
        .select(['monitor_checkins.status', 'monitor_checkins.date_created', 'monitor_checkins.duration_ms'])
        .where('monitor_checkins.monitor_id', '=', q.monitorId)
        .where('monitor_checkins.status', 'in', [...TERMINAL])
        .where('monitor_checkins.date_created', '>=', q.since)
        .where('monitor_checkins.date_created', '<', q.until);
      if (q.environments !== undefined) sel = sel.where('monitor_environments.environment', 'in', [...q.environments]);
      for (const r of await sel.execute()) {
        const b = out[Math.floor((Number(r.date_created) - q.since) / q.resolutionMs)];
        if (b === undefined) continue;
        const status = r.status as 'ok' | 'error' | 'missed' | 'timeout';
        b[status] += 1;
        if (r.duration_ms !== null) {
          b.duration += Number(r.duration_ms);
          b.n += 1;
        }
      }
      return out.map(({ n, duration, ...b }) => ({ ...b, duration: n === 0 ? 0 : duration / n }));
    },

    /** The open incident of an environment, if any. */
    async activeIncident(trx: StoreExecutor, environmentId: number): Promise<IncidentRecord | undefined> {
      const row = await trx
        .selectFrom('monitor_incidents')
        .selectAll()
        .where('environment_id', '=', environmentId)
        .where('resolving_at', 'is', null)
        .executeTakeFirst();
      return row === undefined ? undefined : incidentOf(row);
    },

    /** Open incidents of these environments (monitor JSON's `activeIncident`). */
    async activeIncidents(environmentIds: readonly number[]): Promise<IncidentRecord[]> {
      if (environmentIds.length === 0) return [];
      const rows = await db
        .selectFrom('monitor_incidents')
        .selectAll()
        .where('environment_id', 'in', [...environmentIds])
        .where('resolving_at', 'is', null)
        .execute();
      return rows.map(incidentOf);
    },

    /** A monitor's incidents, newest first (the monitor page). */
    async incidents(monitorId: number, limit: number): Promise<IncidentRecord[]> {
      const rows = await db
        .selectFrom('monitor_incidents')
        .selectAll()
        .where('monitor_id', '=', monitorId)
        .orderBy('starting_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(incidentOf);
    },

    async openIncident(
      trx: StoreExecutor,
      i: { monitorId: number; environmentId: number; grouphash: string; startingCheckInId: number; startingAt: number },
    ): Promise<IncidentRecord> {
      const row = await trx
        .insertInto('monitor_incidents')
        .values({
          monitor_id: i.monitorId,
          environment_id: i.environmentId,
          grouphash: i.grouphash,
          starting_checkin_id: i.startingCheckInId,
          starting_at: i.startingAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return incidentOf(row);
    },

    async resolveIncident(trx: StoreExecutor, id: number, checkInId: number, at: number): Promise<void> {
      await trx.updateTable('monitor_incidents').set({ resolving_checkin_id: checkInId, resolving_at: at }).where('id', '=', id).execute();
    },

    /**
     * Retention (jobs/retention.ts): up to `limit` of a project's check-ins created before
     * `cutoff`, except each environment's latest, which the monitor's status and "last
     * check-in" still describe. Scans by environment and date (the monitor_checkins_env_date
     * index). Returns how many went.
     */
    async deleteBefore(projectId: number, cutoff: number, limit: number): Promise<number> {
      const environments = db
        .selectFrom('monitor_environments')
        .innerJoin('monitors', 'monitors.id', 'monitor_environments.monitor_id')
        .select('monitor_environments.id')
        .where('monitors.project_id', '=', projectId);
      const doomed = db
        .selectFrom('monitor_checkins as old')
        .select('old.id')
        .where('old.environment_id', 'in', environments)
        .where('old.date_created', '<', cutoff)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('monitor_checkins as newer')
              .select('newer.id')
              .whereRef('newer.environment_id', '=', 'old.environment_id')
              .where(({ eb, or, and, ref }) =>
                or([
                  eb('newer.date_created', '>', ref('old.date_created')),
                  and([eb('newer.date_created', '=', ref('old.date_created')), eb('newer.id', '>', ref('old.id'))]),
                ]),
              ),
          ),
        )
        .limit(limit);
      const r = await db.deleteFrom('monitor_checkins').where('id', 'in', doomed).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** Retention: a project's incidents resolved before `cutoff` (open ones stay, however old). */
    async deleteIncidentsResolvedBefore(projectId: number, cutoff: number): Promise<number> {
      const r = await db
        .deleteFrom('monitor_incidents')
        .where('monitor_id', 'in', db.selectFrom('monitors').select('id').where('project_id', '=', projectId))
        .where('resolving_at', '<', cutoff)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type CheckInRepo = ReturnType<typeof createCheckInRepo>;
