import type { Clock } from '../kernel/index.js';
import { fail } from '../kernel/index.js';
import type { Organization, Project } from '../organizations/index.js';
import type { Store, StoreExecutor } from '../store/index.js';
import { setReleaseCommits } from './release-commits.js';
import { loadReleaseFacts } from './release-facts.js';
import { isValidVersion, parseCommits, parseDate, parseDeploy, parseProjectList, parseRefs, parseVersion } from './release-input.js';
import { commitJson, deployJson, type ReleaseJson, releaseJson, releaseSummaryJson, repositoryJson } from './release-json.js';
import { type HealthValuesByRow, orderReleaseRows, type ReleaseHealthSort, type ReleaseListOrder, type ReleaseRow, rowKey } from './release-list-order.js';
import type { AdoptionStage, StageTerm } from './release-list-query.js';
import type { ReleaseRank } from './release-order.js';
import { bucketEvents, type ReleaseEventStats, type ReleaseStatsPeriod, statsWindow } from './release-stats.js';
import type { Release, ReleaseListFilter } from './store/releases.js';

/** How many releases the in-memory orders consider: the newest that match the filter. */
export const MAX_ORDERED_RELEASES = 10_000;

/**
 * The release domain: create/update/delete as sentry-cli and the UI ask, the page facts, and
 * the seams other domains call — `ensureReleases` (the pipeline, per batch), `ranks` and
 * `latestRelease` (the issue lifecycle), `summaries` (issue serializers).
 */
export function createReleases(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;

  async function projectsBySlug(org: Organization, slugs: readonly string[]): Promise<Project[]> {
    const out: Project[] = [];
    const unknown: string[] = [];
    for (const s of new Set(slugs)) {
      const p = /^\d+$/.test(s) ? await store.projects.byId(Number(s)) : await store.projects.bySlug(org.id, s);
      if (p && p.orgId === org.id) out.push(p);
      else unknown.push(s);
    }
    if (unknown.length > 0) fail('validation_failed', `Invalid project slugs: ${unknown.join(', ')}`);
    return out;
  }

  /** Sentry's clear_expired_resolutions: a new release turns "next release" into this release. */
  async function promote(
    trx: StoreExecutor,
    orgId: number,
    release: Pick<Release, 'id' | 'version' | 'createdAt'>,
    projectIds: readonly number[],
  ): Promise<void> {
    await store.releases.stats.promoteNextReleaseResolutions(trx, orgId, projectIds, release);
  }

  async function applyChanges(org: Organization, release: Release, body: Record<string, unknown>): Promise<Release> {
    const projects = parseProjectList(body.projects);
    if (projects)
      await store.releases.versions.addProjects(
        release.id,
        (await projectsBySlug(org, projects)).map((p) => p.id),
      );
    const status = body.status;
    if (status !== undefined && status !== 'open' && status !== 'archived') fail('validation_failed', 'status must be "open" or "archived"');
    const dateReleased = parseDate(body.dateReleased, 'dateReleased');
    const dateStarted = parseDate(body.dateStarted, 'dateStarted');
    const ref = body.ref === undefined ? undefined : body.ref === null ? null : String(body.ref).slice(0, 1024);
    const url = body.url === undefined ? undefined : body.url === null ? null : String(body.url).slice(0, 2048);
    const updated = await store.releases.versions.update(release.id, {
      ...(status === undefined ? {} : { status }),
      ...(dateReleased === undefined ? {} : { dateReleased }),
      ...(dateStarted === undefined ? {} : { dateStarted }),
      ...(ref === undefined ? {} : { ref }),
      ...(url === undefined ? {} : { url }),
    });
    const refs = parseRefs(body.refs);
    const commits = parseCommits(body.commits);
    if (refs || commits) await setReleaseCommits(store, org, release, { ...(refs ? { refs } : {}), ...(commits ? { commits } : {}) });
    return updated ?? release;
  }

  /** The newest MAX_ORDERED_RELEASES releases the database filter passes, less those `matches` refuses: what the in-memory orders order. */
  async function orderCandidates(orgId: number, filter: ReleaseListFilter, matches: ((version: string) => boolean) | undefined): Promise<Release[]> {
    const newest = await store.releases.versions.list(orgId, filter, 0, MAX_ORDERED_RELEASES);
    return matches ? newest.filter((r) => matches(r.version)) : newest;
  }

  /** JSON of ordered rows; a flattened row shows only the project it stands for. */
  async function rowsJson(org: Organization, rows: readonly ReleaseRow[], onlyProject: number | undefined, environment?: string): Promise<ReleaseJson[]> {
    const byProject = new Map<number | undefined, Release[]>();
    for (const row of rows) {
      const key = row.projectId ?? onlyProject;
      const group = byProject.get(key);
      if (group) group.push(row.release);
      else byProject.set(key, [row.release]);
    }
    const json = new Map<string, ReleaseJson>();
    for (const [projectId, releases] of byProject) {
      const facts = await loadReleaseFacts(store, org, releases, projectId, environment);
      for (const f of facts) json.set(`${projectId ?? ''}\u0000${f.release.id}`, releaseJson(f));
    }
    return rows.flatMap((row) => {
      const j = json.get(`${row.projectId ?? onlyProject ?? ''}\u0000${row.release.id}`);
      return j ? [j] : [];
    });
  }

  return {
    /**
     * A page of the list in any order but the database's own (`sort=semver|build`, health sorts,
     * `flatten=1`, structured `query=` terms): the newest MAX_ORDERED_RELEASES releases matching
     * the filter are ordered here (release-list-order.ts). `rank` gives a health sort's values
     * for the projects the rows stand for.
     */
    async listOrdered(
      org: Organization,
      filter: ReleaseListFilter,
      options: {
        readonly order: ReleaseListOrder;
        readonly matches?: ((version: string) => boolean) | undefined;
        readonly rank?: (sort: ReleaseHealthSort, projectIds: readonly number[]) => Promise<HealthValuesByRow>;
        readonly stages?: readonly StageTerm[] | undefined;
        /** the adoption stage per (project, release) with sessions; absent pairs are at low adoption */
        readonly stageOf?: (projectIds: readonly number[]) => Promise<ReadonlyMap<string, AdoptionStage>>;
      },
      offset: number,
      limit: number,
      project?: Project,
    ): Promise<ReleaseJson[]> {
      const scoped = project ? { ...filter, projectIds: [project.id] } : filter;
      const candidates = await orderCandidates(org.id, scoped, options.matches);
      const links = await store.releases.versions.projectsOf(candidates.map((r) => r.id));
      const only = scoped.projectIds && scoped.projectIds.length > 0 ? new Set(scoped.projectIds) : null;
      const projectsOf = (r: Release) => (links.get(r.id) ?? []).map((l) => l.projectId).filter((id) => only === null || only.has(id));
      const projectIds = [...new Set(candidates.flatMap(projectsOf))];
      const { sort } = options.order;
      let health: HealthValuesByRow | undefined;
      if (sort !== 'date' && sort !== 'semver' && sort !== 'build') {
        if (!options.rank) fail('validation_failed', 'invalid sort');
        health = await options.rank(sort, projectIds);
      }
      let rows = orderReleaseRows(candidates, options.order, projectsOf, health);
      const terms = options.stages ?? [];
      if (terms.length > 0) {
        if (!options.stageOf) fail('validation_failed', 'Invalid query: release.stage needs release health');
        const stages = await options.stageOf(projectIds);
        const stageIn = (projectId: number, version: string) => stages.get(rowKey(projectId, version)) ?? 'low_adoption';
        // A release is in a stage when one of its projects (a flattened row: its project) is.
        const inStage = (row: ReleaseRow, term: StageTerm) =>
          (row.projectId === null ? projectsOf(row.release) : [row.projectId]).some((p) => term.stages.includes(stageIn(p, row.release.version)));
        rows = rows.filter((row) => terms.every((term) => inStage(row, term) !== term.negated));
      }
      const page = rows.slice(offset, offset + limit);
      return rowsJson(org, page, project?.id, filter.environment);
    },

    /** 404 unless the release exists in the org (and, with `project`, is linked to it). */
    async get(org: Organization, version: string, project?: Project): Promise<Release> {
      const release = await store.releases.versions.byVersion(org.id, version);
      if (!release) fail('not_found', 'Release not found');
      if (project) {
        const links = (await store.releases.versions.projectsOf([release.id])).get(release.id) ?? [];
        if (!links.some((l) => l.projectId === project.id)) fail('not_found', 'Release not found');
      }
      return release;
    },

    async json(org: Organization, release: Release, project?: Project): Promise<ReleaseJson> {
      const [facts] = await loadReleaseFacts(store, org, [release], project?.id);
      return releaseJson(facts as NonNullable<typeof facts>);
    },

    /** Up to `limit` releases from `offset`, newest first, as JSON. */
    async list(org: Organization, filter: ReleaseListFilter, offset: number, limit: number, project?: Project): Promise<ReleaseJson[]> {
      const rows = await store.releases.versions.list(org.id, project ? { ...filter, projectIds: [project.id] } : filter, offset, limit);
      return (await loadReleaseFacts(store, org, rows, project?.id, filter.environment)).map(releaseJson);
    },

    /** Events of the release over the period, from the hourly counters (the release page chart). */
    async eventStats(release: Release, period: ReleaseStatsPeriod, environment?: string): Promise<ReleaseEventStats> {
      const links = (await store.releases.versions.projectsOf([release.id])).get(release.id) ?? [];
      const window = statsWindow(period, clock.now());
      const hours = await store.releases.stats.eventsPerHour(
        links.map((l) => l.projectId),
        release.version,
        window.from,
        environment,
      );
      return { statsPeriod: period, events: bucketEvents(window, hours) };
    },

    /**
     * `releases new`: 201 when created, 208 when it existed (Sentry's codes); both link the
     * projects. Also how sentry-cli archives and restores: the same POST with `projects: []`
     * and a `status`.
     */
    async create(org: Organization, body: Record<string, unknown>, project?: Project): Promise<{ release: Release; created: boolean }> {
      const version = parseVersion(body.version);
      const slugs = parseProjectList(body.projects) ?? [];
      const projects = project
        ? [
            project,
            ...(await projectsBySlug(
              org,
              slugs.filter((s) => s !== project.slug),
            )),
          ]
        : await projectsBySlug(org, slugs);
      const { release, created } = await store.releases.versions.upsert(org.id, { version });
      await store.releases.versions.addProjects(
        release.id,
        projects.map((p) => p.id),
      );
      if (created)
        await promote(
          store.db,
          org.id,
          release,
          projects.map((p) => p.id),
        );
      const { projects: _ignored, ...rest } = body;
      return { release: await applyChanges(org, release, rest), created };
    },

    update: (org: Organization, release: Release, body: Record<string, unknown>) => applyChanges(org, release, body),

    /** Refused while issues were first seen in it (Sentry's safe_delete). */
    async remove(release: Release): Promise<void> {
      const links = (await store.releases.versions.projectsOf([release.id])).get(release.id) ?? [];
      const counts = await store.releases.stats.newIssueCounts(
        links.map((l) => l.projectId),
        [release.version],
      );
      if ([...counts.values()].some((n) => n > 0)) fail('validation_failed', 'This release is referenced by active issues and cannot be removed.');
      await store.releases.versions.remove(release.id);
    },

    async addDeploy(org: Organization, release: Release, body: Record<string, unknown>) {
      const input = parseDeploy(body);
      if (input.projects)
        await store.releases.versions.addProjects(
          release.id,
          (await projectsBySlug(org, input.projects)).map((p) => p.id),
        );
      const deploy = await store.releases.deploys.create(org.id, {
        releaseId: release.id,
        environment: input.environment,
        name: input.name,
        url: input.url,
        dateStarted: input.dateStarted,
        dateFinished: input.dateFinished ?? clock.now(),
      });
      return deployJson(deploy);
    },

    /** The release's oldest, previous, next and newest versions in one project (currentProjectMeta). */
    neighbours(projectId: number, release: Release) {
      return store.releases.versions.neighboursInProject(store.db, projectId, release);
    },

    /**
     * The releases around `release` in the project's list as the request orders and filters it
     * (`sort=semver|build`, `status`, `query`), for `currentProjectMeta`: prev is the one below it
     * in that order (older, lower), next the one above, first the bottom of the list and last its
     * top; null where that is the release itself, or when the filters leave it out.
     */
    async neighboursInOrder(
      orgId: number,
      projectId: number,
      release: Release,
      filter: ReleaseListFilter,
      options: { readonly order: ReleaseListOrder; readonly matches?: ((version: string) => boolean) | undefined },
    ): Promise<{ prev: string | null; next: string | null; first: string | null; last: string | null }> {
      const candidates = await orderCandidates(orgId, { ...filter, projectIds: [projectId] }, options.matches);
      const list = orderReleaseRows(candidates, { sort: options.order.sort, flatten: false }, () => [projectId]).map((r) => r.release);
      const at = list.findIndex((r) => r.id === release.id);
      const none = { prev: null, next: null, first: null, last: null };
      if (at < 0) return none;
      const version = (i: number) => (i === at ? null : (list[i]?.version ?? null));
      return { prev: version(at + 1), next: at === 0 ? null : version(at - 1), first: version(list.length - 1), last: version(0) };
    },

    async deploys(release: Release) {
      return (await store.releases.deploys.forRelease(release.id)).map(deployJson);
    },

    async commits(release: Release) {
      return (await store.releases.commits.forRelease(release.id)).map((c) => commitJson(c, c.repositoryName));
    },

    /** `set-commits --auto` asks where the previous release ended; `{}` when there is none. */
    async previousWithCommits(org: Organization, release: Release): Promise<ReleaseJson | Record<string, never>> {
      const previous = await store.releases.versions.previousWithCommits(release);
      return previous ? this.json(org, previous) : {};
    },

    async repositories(org: Organization) {
      return (await store.releases.commits.repositories(org.id)).map(repositoryJson);
    },

    async createRepository(org: Organization, body: Record<string, unknown>) {
      const name = body.name ?? body.identifier;
      if (typeof name !== 'string' || name.trim() === '' || name.length > 200) fail('validation_failed', 'name is required (e.g. "myorg/myrepo")');
      const url = typeof body.url === 'string' ? body.url.slice(0, 2048) : null;
      const provider = typeof body.provider === 'string' && body.provider !== '' ? body.provider.slice(0, 64) : null;
      const { repository, created } = await store.releases.commits.createRepository(org.id, { name: name.trim(), url, provider });
      return { json: repositoryJson(repository), created };
    },

    /**
     * For the pipeline, once per batch and project, inside its transaction: creates the releases
     * its events name, links them to the project, moves first/last event, and promotes "resolved
     * in next release" issues of the project when a release is new.
     */
    /** `seenAt` null: named by something other than an event (a session), so the first and last event stay as they are. */
    async ensureReleases(trx: StoreExecutor, projectId: number, versions: readonly string[], seenAt: number | null = clock.now()): Promise<string[]> {
      // A version no release endpoint could address (Sentry's rules) gets no release row.
      const valid = versions.filter(isValidVersion);
      const { orgId, created } = await store.releases.versions.ensureForEvents(trx, projectId, valid, seenAt);
      for (const release of created) await promote(trx, orgId, release, [projectId]);
      return created.map((r) => r.version);
    },

    /** version → rank (what compareReleases orders); unknown versions are absent. */
    ranks: (trx: StoreExecutor, orgId: number, versions: readonly string[]): Promise<Map<string, ReleaseRank>> =>
      store.releases.versions.ranks(trx, orgId, versions),

    /** The project's newest release (the "current" one "next release" is relative to). */
    async latestRelease(trx: StoreExecutor, projectId: number): Promise<string | null> {
      return (await store.releases.versions.latestForProject(trx, projectId))?.version ?? null;
    },

    /** version → the short release JSON issues embed as firstRelease/lastRelease. */
    async summaries(orgId: number, versions: readonly string[]) {
      const rows = await store.releases.versions.byVersions(orgId, versions);
      return new Map(rows.map((r) => [r.version, releaseSummaryJson(r)]));
    },
  };
}

export type Releases = ReturnType<typeof createReleases>;
