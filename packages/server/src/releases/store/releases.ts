import { type Selectable, sql, type Updateable } from 'kysely';
import type { ReleaseTable, RepoContext, StoreExecutor } from '../../store/index.js';

/** Versions around a release in one project; null where there is none (the release is itself the first or last). */
export interface ReleaseNeighbours {
  readonly prev: string | null;
  readonly next: string | null;
  readonly first: string | null;
  readonly last: string | null;
}

export interface Release {
  id: number;
  orgId: number;
  version: string;
  ref: string | null;
  url: string | null;
  dateStarted: number | null;
  dateReleased: number | null;
  status: 'open' | 'archived';
  createdAt: number;
}

export interface NewRelease {
  version: string;
  ref?: string | null;
  url?: string | null;
  dateStarted?: number | null;
  dateReleased?: number | null;
}

export type ReleasePatch = Partial<Pick<Release, 'ref' | 'url' | 'dateStarted' | 'dateReleased' | 'status'>>;

export interface ReleaseListFilter {
  projectIds?: readonly number[];
  /** substring of the version, case-insensitive */
  query?: string;
  status?: 'open' | 'archived';
  /** deployed to this environment, or with events in it (Sentry's release-project-environment) */
  environment?: string;
}

function toRelease(r: Selectable<ReleaseTable>): Release {
  return {
    id: r.id,
    orgId: r.org_id,
    version: r.version,
    ref: r.ref,
    url: r.url,
    dateStarted: r.date_started,
    dateReleased: r.date_released,
    status: r.status === 'archived' ? 'archived' : 'open',
    createdAt: r.created_at,
  };
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Releases are organization-wide rows (unique version per org) linked to projects. */
export function createReleaseRepo({ db, clock }: RepoContext) {
  return {
    async byVersion(orgId: number, version: string, trx: StoreExecutor = db): Promise<Release | undefined> {
      const r = await trx.selectFrom('releases').selectAll().where('org_id', '=', orgId).where('version', '=', version).executeTakeFirst();
      return r && toRelease(r);
    },

    /** Newest first (Sentry's default order), `limit` rows from `offset`. */
    async list(orgId: number, filter: ReleaseListFilter, offset: number, limit: number): Promise<Release[]> {
      let q = db.selectFrom('releases').selectAll('releases').where('releases.org_id', '=', orgId);
      if (filter.projectIds && filter.projectIds.length > 0) {
        const ids = filter.projectIds;
        q = q.where((eb) =>
          eb.exists(
            eb.selectFrom('release_projects').select('release_id').whereRef('release_projects.release_id', '=', 'releases.id').where('project_id', 'in', ids),
          ),
        );
      }
      if (filter.query) q = q.where(sql<boolean>`lower(releases.version) like ${likePattern(filter.query)} escape '\\'`);
      if (filter.status) q = q.where('releases.status', '=', filter.status);
      const environment = filter.environment;
      if (environment !== undefined) {
        // Sentry links a release to an environment when an event of it arrives there or it is
        // deployed there; the hourly counters (indexed by release) hold the first, deploys the second.
        q = q.where((eb) =>
          eb.or([
            eb.exists(
              eb.selectFrom('deploys').select('deploys.id').whereRef('deploys.release_id', '=', 'releases.id').where('deploys.environment', '=', environment),
            ),
            eb.exists(
              eb
                .selectFrom('issue_hourly')
                .innerJoin('issues', 'issues.id', 'issue_hourly.issue_id')
                .innerJoin('projects', 'projects.id', 'issues.project_id')
                .select('issue_hourly.issue_id')
                .whereRef('issue_hourly.release', '=', 'releases.version')
                .whereRef('projects.org_id', '=', 'releases.org_id')
                .where('issue_hourly.environment', '=', environment),
            ),
          ]),
        );
      }
      const rows = await q.orderBy('releases.created_at', 'desc').orderBy('releases.id', 'desc').offset(offset).limit(limit).execute();
      return rows.map(toRelease);
    },

    /** Creates the release unless it exists; `created` tells which. Concurrent creators get the same row. */
    async upsert(orgId: number, input: NewRelease, trx: StoreExecutor = db): Promise<{ release: Release; created: boolean }> {
      const inserted = await trx
        .insertInto('releases')
        .values({
          org_id: orgId,
          version: input.version,
          ref: input.ref ?? null,
          url: input.url ?? null,
          date_started: input.dateStarted ?? null,
          date_released: input.dateReleased ?? null,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.columns(['org_id', 'version']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { release: toRelease(inserted), created: true };
      const existing = await trx.selectFrom('releases').selectAll().where('org_id', '=', orgId).where('version', '=', input.version).executeTakeFirstOrThrow();
      return { release: toRelease(existing), created: false };
    },

    async update(id: number, patch: ReleasePatch): Promise<Release | undefined> {
      const set: Updateable<ReleaseTable> = {};
      if (patch.ref !== undefined) set.ref = patch.ref;
      if (patch.url !== undefined) set.url = patch.url;
      if (patch.dateStarted !== undefined) set.date_started = patch.dateStarted;
      if (patch.dateReleased !== undefined) set.date_released = patch.dateReleased;
      if (patch.status !== undefined) set.status = patch.status;
      if (Object.keys(set).length > 0) await db.updateTable('releases').set(set).where('id', '=', id).execute();
      const r = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toRelease(r);
    },

    async remove(id: number): Promise<void> {
      await db.deleteFrom('releases').where('id', '=', id).execute();
    },

    /** Links projects; already linked ones stay as they are. */
    async addProjects(releaseId: number, projectIds: readonly number[], trx: StoreExecutor = db): Promise<void> {
      if (projectIds.length === 0) return;
      const now = clock.now();
      await trx
        .insertInto('release_projects')
        .values(projectIds.map((project_id) => ({ release_id: releaseId, project_id, first_event: null, last_event: null, created_at: now })))
        .onConflict((oc) => oc.columns(['release_id', 'project_id']).doNothing())
        .execute();
    },

    /** release id → linked projects with their first/last event times. */
    async projectsOf(releaseIds: readonly number[]): Promise<Map<number, { projectId: number; firstEvent: number | null; lastEvent: number | null }[]>> {
      const out = new Map<number, { projectId: number; firstEvent: number | null; lastEvent: number | null }[]>();
      if (releaseIds.length === 0) return out;
      const rows = await db.selectFrom('release_projects').selectAll().where('release_id', 'in', releaseIds).orderBy('project_id').execute();
      for (const r of rows) {
        const list = out.get(r.release_id) ?? [];
        list.push({ projectId: r.project_id, firstEvent: r.first_event, lastEvent: r.last_event });
        out.set(r.release_id, list);
      }
      return out;
    },

    /**
     * The implicit creation when events arrive: releases and project links for the versions,
     * first/last event moved to `seenAt`. Returns the releases this call created. A few
     * statements per call whatever the number of events, so the pipeline calls it per batch.
     * Everything goes through `trx` (SQLite has one connection: `db` would wait forever).
     */
    async ensureForEvents(
      trx: StoreExecutor,
      projectId: number,
      eventVersions: readonly string[],
      seenAt: number | null,
    ): Promise<{ orgId: number; created: Release[] }> {
      // PostgreSQL refuses an upsert that touches one row twice.
      const versions = [...new Set(eventVersions)];
      const project = await trx.selectFrom('projects').select('org_id').where('id', '=', projectId).executeTakeFirst();
      if (versions.length === 0 || !project) return { orgId: project?.org_id ?? 0, created: [] };
      const now = clock.now();
      const created = await trx
        .insertInto('releases')
        .values(
          versions.map((version) => ({ org_id: project.org_id, version, ref: null, url: null, date_started: null, date_released: null, created_at: now })),
        )
        .onConflict((oc) => oc.columns(['org_id', 'version']).doNothing())
        .returningAll()
        .execute();
      const ids = await trx.selectFrom('releases').select('id').where('org_id', '=', project.org_id).where('version', 'in', versions).execute();
      await trx
        .insertInto('release_projects')
        .values(ids.map((r) => ({ release_id: r.id, project_id: projectId, first_event: seenAt, last_event: seenAt, created_at: now })))
        .onConflict((oc) =>
          oc.columns(['release_id', 'project_id']).doUpdateSet({
            // CASE, not greatest()/max(): the one spelling both dialects share.
            first_event: sql`case when release_projects.first_event is null or excluded.first_event < release_projects.first_event then excluded.first_event else release_projects.first_event end`,
            last_event: sql`case when release_projects.last_event is null or excluded.last_event > release_projects.last_event then excluded.last_event else release_projects.last_event end`,
          }),
        )
        .execute();
      return { orgId: project.org_id, created: created.map(toRelease) };
    },

    async byVersions(orgId: number, versions: readonly string[]): Promise<Release[]> {
      if (versions.length === 0) return [];
      const rows = await db
        .selectFrom('releases')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('version', 'in', [...new Set(versions)])
        .execute();
      return rows.map(toRelease);
    },

    /** version → (created_at, id) of the project's organization: what "newer" is decided on. */
    async ranks(trx: StoreExecutor, orgId: number, versions: readonly string[]): Promise<Map<string, { id: number; createdAt: number }>> {
      const out = new Map<string, { id: number; createdAt: number }>();
      if (versions.length === 0) return out;
      const rows = await trx
        .selectFrom('releases')
        .select(['id', 'version', 'created_at'])
        .where('org_id', '=', orgId)
        .where('version', 'in', versions)
        .execute();
      for (const r of rows) out.set(r.version, { id: r.id, createdAt: r.created_at });
      return out;
    },

    /** The project's newest release by creation time, or undefined when it has none. */
    async latestForProject(trx: StoreExecutor, projectId: number): Promise<Release | undefined> {
      const r = await trx
        .selectFrom('releases')
        .innerJoin('release_projects', 'release_projects.release_id', 'releases.id')
        .selectAll('releases')
        .where('release_projects.project_id', '=', projectId)
        .orderBy('releases.created_at', 'desc')
        .orderBy('releases.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r && toRelease(r);
    },

    /** The project's release created just before `release` (same order as latestForProject). */
    async previousForProject(trx: StoreExecutor, projectId: number, release: Release): Promise<Release | undefined> {
      const r = await trx
        .selectFrom('releases')
        .innerJoin('release_projects', 'release_projects.release_id', 'releases.id')
        .selectAll('releases')
        .where('release_projects.project_id', '=', projectId)
        .where((eb) =>
          eb.or([
            eb('releases.created_at', '<', release.createdAt),
            eb.and([eb('releases.created_at', '=', release.createdAt), eb('releases.id', '<', release.id)]),
          ]),
        )
        .orderBy('releases.created_at', 'desc')
        .orderBy('releases.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r && toRelease(r);
    },

    /**
     * The project's oldest, previous, next and newest release around `release`, in creation
     * order (the release list's default order), for `currentProjectMeta`: the release page's
     * "oldest / older / newer / newest" navigation.
     */
    async neighboursInProject(trx: StoreExecutor, projectId: number, release: Release): Promise<ReleaseNeighbours> {
      const around = (side: 'older' | 'newer', nearest: boolean) => {
        const cmp = side === 'older' ? '<' : '>';
        // nearest older = newest of the older ones; farthest older (the first) = oldest of them
        const direction = (side === 'older') === nearest ? 'desc' : 'asc';
        return trx
          .selectFrom('releases')
          .innerJoin('release_projects', 'release_projects.release_id', 'releases.id')
          .select('releases.version')
          .where('release_projects.project_id', '=', projectId)
          .where((eb) =>
            eb.or([
              eb('releases.created_at', cmp, release.createdAt),
              eb.and([eb('releases.created_at', '=', release.createdAt), eb('releases.id', cmp, release.id)]),
            ]),
          )
          .orderBy('releases.created_at', direction)
          .orderBy('releases.id', direction)
          .limit(1)
          .executeTakeFirst();
      };
      const [prev, next, first, last] = await Promise.all([around('older', true), around('newer', true), around('older', false), around('newer', false)]);
      return { prev: prev?.version ?? null, next: next?.version ?? null, first: first?.version ?? null, last: last?.version ?? null };
    },

    /** The newest release of the organization created before `release` that has commits. */
    async previousWithCommits(release: Release): Promise<Release | undefined> {
      const r = await db
        .selectFrom('releases')
        .selectAll()
        .where('org_id', '=', release.orgId)
        .where('id', '!=', release.id)
        .where((eb) => eb.or([eb('created_at', '<', release.createdAt), eb.and([eb('created_at', '=', release.createdAt), eb('id', '<', release.id)])]))
        .where((eb) => eb.exists(eb.selectFrom('release_commits').select('commit_id').whereRef('release_commits.release_id', '=', 'releases.id')))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r && toRelease(r);
    },
  };
}

export type ReleaseRepo = ReturnType<typeof createReleaseRepo>;
