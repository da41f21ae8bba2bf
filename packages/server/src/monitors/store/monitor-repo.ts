import { randomHex } from '../../kernel/index.js';
import type { RepoContext, StoreExecutor } from '../../store/index.js';
import type { MonitorConfig } from '../monitor-config.js';
import { configColumns, environmentOf, type MonitorEnvironmentRecord, type MonitorRecord, monitorOf } from './monitor-records.js';

export interface NewMonitor {
  readonly orgId: number;
  readonly projectId: number;
  readonly slug: string;
  readonly name: string;
  readonly status?: 'active' | 'disabled';
  readonly isMuted?: boolean;
  readonly config: MonitorConfig;
}

/** A partial update: absent keys keep their value; `config` replaces the whole config (merge first). */
export interface MonitorPatch {
  readonly projectId?: number;
  readonly slug?: string;
  readonly name?: string;
  readonly status?: 'active' | 'disabled';
  readonly isMuted?: boolean;
  readonly config?: MonitorConfig;
}

export interface MonitorListFilter {
  /** only monitors of these projects (the caller's accessible ones) */
  readonly projectIds?: readonly number[];
}

export interface EnvironmentPatch {
  readonly status?: 'active' | 'ok' | 'error';
  readonly isMuted?: boolean;
  readonly lastCheckIn?: number | null;
  readonly nextCheckIn?: number | null;
  readonly nextCheckInLatest?: number | null;
}

/**
 * Monitors and their environments. Every read and write names the organization, so one
 * organization's slug never reaches another's monitor.
 */
export function createMonitorRepo(ctx: RepoContext) {
  const { db } = ctx;
  const monitors = {
    /** Creates a monitor; the caller checks the slug is free (`get`) and the project's cap (`countInProject`). */
    async create(input: NewMonitor, trx: StoreExecutor = db): Promise<MonitorRecord> {
      const now = ctx.clock.now();
      const row = await trx
        .insertInto('monitors')
        .values({
          guid: randomHex(16),
          org_id: input.orgId,
          project_id: input.projectId,
          slug: input.slug,
          name: input.name,
          status: input.status ?? 'active',
          is_muted: input.isMuted ? 1 : 0,
          ...configColumns(input.config),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return monitorOf(row);
    },

    /** Updates a monitor of the organization; undefined when there is none with that id. */
    async update(orgId: number, id: number, patch: MonitorPatch, trx: StoreExecutor = db): Promise<MonitorRecord | undefined> {
      const row = await trx
        .updateTable('monitors')
        .set({
          ...(patch.projectId === undefined ? {} : { project_id: patch.projectId }),
          ...(patch.slug === undefined ? {} : { slug: patch.slug }),
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.status === undefined ? {} : { status: patch.status }),
          ...(patch.isMuted === undefined ? {} : { is_muted: patch.isMuted ? 1 : 0 }),
          ...(patch.config === undefined ? {} : configColumns(patch.config)),
          updated_at: ctx.clock.now(),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : monitorOf(row);
    },

    /** Deletes a monitor with its environments, check-ins and incidents; false when none. */
    async remove(orgId: number, slug: string): Promise<boolean> {
      const r = await db.deleteFrom('monitors').where('org_id', '=', orgId).where('slug', '=', slug).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async get(orgId: number, slug: string, trx: StoreExecutor = db): Promise<MonitorRecord | undefined> {
      const row = await trx.selectFrom('monitors').selectAll().where('org_id', '=', orgId).where('slug', '=', slug).executeTakeFirst();
      return row === undefined ? undefined : monitorOf(row);
    },

    async getByGuid(orgId: number, guid: string): Promise<MonitorRecord | undefined> {
      const row = await db.selectFrom('monitors').selectAll().where('org_id', '=', orgId).where('guid', '=', guid).executeTakeFirst();
      return row === undefined ? undefined : monitorOf(row);
    },

    /** Every monitor of the organization (bounded by the per-project cap), by slug. */
    async list(orgId: number, filter: MonitorListFilter = {}): Promise<MonitorRecord[]> {
      let q = db.selectFrom('monitors').selectAll().where('org_id', '=', orgId);
      if (filter.projectIds !== undefined) {
        if (filter.projectIds.length === 0) return [];
        q = q.where('project_id', 'in', [...filter.projectIds]);
      }
      return (await q.orderBy('slug').execute()).map(monitorOf);
    },

    async countInProject(projectId: number, trx: StoreExecutor = db): Promise<number> {
      const r = await trx
        .selectFrom('monitors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The environments of these monitors (optionally only those named), by monitor. */
    async environments(monitorIds: readonly number[], names?: readonly string[], trx: StoreExecutor = db): Promise<MonitorEnvironmentRecord[]> {
      if (monitorIds.length === 0 || names?.length === 0) return [];
      let q = trx
        .selectFrom('monitor_environments')
        .selectAll()
        .where('monitor_id', 'in', [...monitorIds]);
      if (names !== undefined) q = q.where('environment', 'in', [...names]);
      return (await q.orderBy('monitor_id').orderBy('environment').execute()).map(environmentOf);
    },

    /** The environment row, created (status active) on first use. */
    async ensureEnvironment(trx: StoreExecutor, monitorId: number, environment: string): Promise<MonitorEnvironmentRecord> {
      await trx
        .insertInto('monitor_environments')
        .values({ monitor_id: monitorId, environment, status: 'active', is_muted: 0, created_at: ctx.clock.now() })
        .onConflict((oc) => oc.columns(['monitor_id', 'environment']).doNothing())
        .execute();
      const row = await trx
        .selectFrom('monitor_environments')
        .selectAll()
        .where('monitor_id', '=', monitorId)
        .where('environment', '=', environment)
        .executeTakeFirstOrThrow();
      return environmentOf(row);
    },

    async updateEnvironment(trx: StoreExecutor, id: number, patch: EnvironmentPatch): Promise<void> {
      const set = {
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.isMuted === undefined ? {} : { is_muted: patch.isMuted ? 1 : 0 }),
        ...(patch.lastCheckIn === undefined ? {} : { last_checkin: patch.lastCheckIn }),
        ...(patch.nextCheckIn === undefined ? {} : { next_checkin: patch.nextCheckIn }),
        ...(patch.nextCheckInLatest === undefined ? {} : { next_checkin_latest: patch.nextCheckInLatest }),
      };
      if (Object.keys(set).length === 0) return;
      await trx.updateTable('monitor_environments').set(set).where('id', '=', id).execute();
    },

    /** Mutes or unmutes one environment of an organization's monitor; false when there is none. */
    async setEnvironmentMuted(orgId: number, slug: string, environment: string, muted: boolean): Promise<boolean> {
      const monitor = await monitors.get(orgId, slug);
      if (monitor === undefined) return false;
      const r = await db
        .updateTable('monitor_environments')
        .set({ is_muted: muted ? 1 : 0 })
        .where('monitor_id', '=', monitor.id)
        .where('environment', '=', environment)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /** Deletes one environment of an organization's monitor (with its check-ins); false when none. */
    async removeEnvironment(orgId: number, slug: string, environment: string): Promise<boolean> {
      const monitor = await monitors.get(orgId, slug);
      if (monitor === undefined) return false;
      const r = await db.deleteFrom('monitor_environments').where('monitor_id', '=', monitor.id).where('environment', '=', environment).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /**
     * Environments whose latest expected check-in time has passed (the missed sweep), of
     * active, unmuted-or-not monitors; oldest first, at most `limit`.
     */
    async dueEnvironments(trx: StoreExecutor, now: number, limit: number): Promise<MonitorEnvironmentRecord[]> {
      const rows = await trx
        .selectFrom('monitor_environments')
        .innerJoin('monitors', 'monitors.id', 'monitor_environments.monitor_id')
        .selectAll('monitor_environments')
        .where('monitor_environments.next_checkin_latest', '<=', now)
        .where('monitors.status', '=', 'active')
        .orderBy('monitor_environments.next_checkin_latest')
        .limit(limit)
        .execute();
      return rows.map(environmentOf);
    },

    /** The organization of a project (a monitor upserted by a check-in lives in the envelope's project's). */
    async orgIdOfProject(trx: StoreExecutor, projectId: number): Promise<number | undefined> {
      const row = await trx.selectFrom('projects').select('org_id').where('id', '=', projectId).executeTakeFirst();
      return row?.org_id;
    },

    async byId(trx: StoreExecutor, id: number): Promise<MonitorRecord | undefined> {
      const row = await trx.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : monitorOf(row);
    },

    /** The monitor a check-in names: the slug in the project's organization. */
    async bySlugInProject(trx: StoreExecutor, projectId: number, slug: string): Promise<MonitorRecord | undefined> {
      const row = await trx
        .selectFrom('monitors')
        .selectAll('monitors')
        .where('slug', '=', slug)
        .where('org_id', '=', (eb) => eb.selectFrom('projects').select('projects.org_id').where('projects.id', '=', projectId))
        .executeTakeFirst();
      return row === undefined ? undefined : monitorOf(row);
    },
  };
  return monitors;
}

export type MonitorRepo = ReturnType<typeof createMonitorRepo>;
