import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Auth, OrgAccess, Principal } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject, paginate, readPage } from '../../http/index.js';
import { fail, isFaultlineError } from '../../kernel/index.js';
import type { Organization, Project } from '../../organizations/index.js';
import type { ReleaseJson } from '../release-json.js';
import { parseReleaseListOrder, type ReleaseHealthSort, rowKey } from '../release-list-order.js';
import { type AdoptionStage, parseReleaseListQuery, type StageTerm } from '../release-list-query.js';
import { RELEASE_STATS_PERIODS, type ReleaseStatsPeriod } from '../release-stats.js';
import type { Releases } from '../releases.js';
import type { Release, ReleaseListFilter, ReleaseNeighbours } from '../store/releases.js';

type OrgParams = { org: string };
type VersionParams = OrgParams & { version: string };
type ProjectParams = OrgParams & { project: string };
type ProjectVersionParams = ProjectParams & { version: string };

/**
 * Release endpoints for sentry-cli (2.x uses the project-scoped ones for create/finalize/
 * delete, 3.x the organization-scoped ones — docs/wire-format.md › sentry-cli: releases) and the release pages.
 * Writes need `project:releases` (implied by project:write); reads also accept project:read.
 */
export interface ReleaseAccess {
  orgAccess(principal: Principal, org: string, write: boolean): Promise<OrgAccess>;
  projectAccess(principal: Principal, org: string, project: string, write: boolean): Promise<OrgAccess & { project: Project }>;
}

export function releaseAccess(auth: Auth): ReleaseAccess {
  async function either<T>(attempt: (scope: 'project:releases' | 'project:read') => Promise<T>, write: boolean): Promise<T> {
    try {
      return await attempt('project:releases');
    } catch (err) {
      if (write || !isFaultlineError(err) || err.code !== 'missing_scope') throw err;
      return attempt('project:read');
    }
  }
  return {
    orgAccess: (p, org, write) => either((scope) => auth.orgAccess(p, org, scope), write),
    projectAccess: (p, org, project, write) => either((scope) => auth.projectAccess(p, org, project, scope), write),
  };
}

const MAX_OFFSET = 1_000_000;

/** Pages straight from the database: `load` returns up to limit+1 rows from the offset. */
export async function pageFromStore<T>(request: FastifyRequest, reply: FastifyReply, load: (offset: number, limit: number) => Promise<T[]>): Promise<T[]> {
  const page = readPage(request);
  if (page.offset > MAX_OFFSET) fail('validation_failed', 'cursor is out of range');
  const rows = await load(page.offset, page.limit + 1);
  // paginate() slices a whole list; a window placed at the offset tells it the same about the next page.
  const window: T[] = new Array<T>(page.offset);
  window.push(...rows);
  return paginate(request, reply, window, page);
}

type QueryParams = Record<string, string | string[] | undefined>;
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The one value of a query parameter; repeated ones keep the first (as Fastify's parser gives them). */
const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The release list's filters as Sentry's UI sends them: repeated `project=<id>` (-1 = all),
 * `query` (free text is part of the version; `release:`, `release.version:`,
 * `release.package:`, `release.build:` and `release.stage:` terms: release-list-query.ts), `environment` and
 * `status` (open by default). Bad values are a 400.
 */
function listFilter(request: FastifyRequest): { filter: ReleaseListFilter; matches?: (version: string) => boolean; stages?: readonly StageTerm[] } {
  const q = request.query as QueryParams;
  const projects = asList(q.project).filter((p) => p !== '' && p !== '-1');
  if (projects.some((p) => !/^\d{1,15}$/.test(p))) fail('validation_failed', 'project: every value must be a project id');
  const projectIds = projects.map(Number);
  const { text, matches, stages } = parseReleaseListQuery(single(q.query) ?? '');
  const query = text === undefined ? undefined : text.slice(0, 200);
  const status = single(q.status) ?? '';
  if (status !== '' && status !== 'open' && status !== 'archived') fail('validation_failed', 'status must be "open" or "archived"');
  const environment = single(q.environment) ?? '';
  if (environment.length > 64) fail('validation_failed', 'environment must be at most 64 characters');
  return {
    filter: {
      projectIds,
      // Sentry lists open releases unless archived ones are asked for.
      status: status === 'archived' ? 'archived' : 'open',
      ...(query ? { query } : {}),
      ...(environment ? { environment } : {}),
    },
    ...(matches ? { matches } : {}),
    ...(stages ? { stages } : {}),
  };
}

function statsQuery(request: FastifyRequest): { period: ReleaseStatsPeriod; environment?: string } {
  const q = request.query as QueryParams;
  const raw = single(q.statsPeriod) ?? '14d';
  const period = RELEASE_STATS_PERIODS.find((p) => p === raw);
  if (!period) fail('validation_failed', `statsPeriod must be one of: ${RELEASE_STATS_PERIODS.join(', ')}`);
  const environment = single(q.environment) ?? '';
  return { period, ...(environment ? { environment } : {}) };
}

/**
 * Adds `healthData`, `adoptionStages` and `currentProjectMeta` to release JSON; release health
 * (sessions/) builds it and api/ hands it in, so this domain does not import release health.
 */
export type AttachHealth = (
  params: QueryParams,
  releases: readonly ReleaseJson[],
  scope: { readonly projectId: number | null; readonly details: boolean; readonly neighbours?: ReleaseNeighbours | null },
) => Promise<readonly object[]>;

/**
 * A health sort's value per (project, release) with sessions in its window; release health
 * (sessions/) computes them and api/ hands the function in, as with AttachHealth.
 */
export type RankByHealth = (
  params: QueryParams,
  sort: ReleaseHealthSort,
  projectIds: readonly number[],
) => Promise<readonly { readonly projectId: number; readonly version: string; readonly value: number | null }[]>;

/** The adoption stage per (project, release) with sessions, for `release.stage:`; from sessions/ through api/. */
export type StagesOf = (
  params: QueryParams,
  projectIds: readonly number[],
) => Promise<readonly { readonly projectId: number; readonly version: string; readonly stage: AdoptionStage }[]>;

export function registerReleaseRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; releases: Releases; attachHealth?: AttachHealth; rankByHealth?: RankByHealth; stagesOf?: StagesOf },
): void {
  const { releases } = deps;
  /**
   * A page of the list: newest first from the database (its index) unless `sort`, `flatten` or
   * a structured query term asks for an order or a match made here (releases.listOrdered).
   */
  const listPage = async (request: FastifyRequest, reply: FastifyReply, org: Organization, project?: Project) => {
    const q = request.query as QueryParams;
    const { filter, matches, stages } = listFilter(request);
    const order = parseReleaseListOrder(single(q.sort), single(q.flatten));
    if (order.sort === 'date' && !order.flatten && !matches && !stages)
      return pageFromStore(request, reply, (offset, limit) => releases.list(org, filter, offset, limit, project));
    const { rankByHealth } = deps;
    const rank = rankByHealth
      ? async (sort: ReleaseHealthSort, projectIds: readonly number[]) =>
          new Map((await rankByHealth(q, sort, projectIds)).map((r) => [rowKey(r.projectId, r.version), r.value]))
      : undefined;
    const { stagesOf } = deps;
    const stageOf = stagesOf
      ? async (projectIds: readonly number[]) => new Map((await stagesOf(q, projectIds)).map((s) => [rowKey(s.projectId, s.version), s.stage]))
      : undefined;
    return pageFromStore(request, reply, (offset, limit) =>
      releases.listOrdered(org, filter, { order, matches, stages, ...(rank ? { rank } : {}), ...(stageOf ? { stageOf } : {}) }, offset, limit, project),
    );
  };
  const access = releaseAccess(deps.auth);
  const withHealth = async (request: FastifyRequest, list: readonly ReleaseJson[], projectId: number | null, details: boolean) =>
    deps.attachHealth ? deps.attachHealth(request.query as QueryParams, list, { projectId, details }) : list;
  /**
   * The releases around this one for `currentProjectMeta`: in the order and filters the request
   * names (`sort=semver|build`, `query`, `status`), as the reference asks, else in creation order
   * from the index. A health sort needs one row per project, which a details request has not,
   * so it reads as the date order.
   */
  const neighboursOf = async (request: FastifyRequest, release: Release, projectId: number) => {
    const q = request.query as QueryParams;
    const sort = single(q.sort) ?? '';
    const ordered = (sort !== '' && sort !== 'date') || (single(q.query) ?? '').trim() !== '' || single(q.status) !== undefined;
    if (!ordered) return releases.neighbours(projectId, release);
    const { filter, matches } = listFilter(request);
    // An unknown sort is refused as on the list; a health sort reads as the date order.
    const parsed = parseReleaseListOrder(sort, '1');
    const order = parsed.sort === 'semver' || parsed.sort === 'build' ? parsed : ({ sort: 'date', flatten: false } as const);
    return releases.neighboursInOrder(release.orgId, projectId, release, filter, { order, matches });
  };
  /** A details answer: with a project, `currentProjectMeta` also names the releases around this one. */
  const detailsWithHealth = async (request: FastifyRequest, release: Release, json: ReleaseJson, projectId: number | null) => {
    if (!deps.attachHealth) return json;
    const neighbours = projectId === null ? null : await neighboursOf(request, release, projectId);
    return (await deps.attachHealth(request.query as QueryParams, [json], { projectId, details: true, neighbours }))[0];
  };
  /** `project=<id>` on the organization details route names the project of `currentProjectMeta`, if the release is in it. */
  const detailProject = (request: FastifyRequest, json: ReleaseJson): number | null => {
    const id = Number(single((request.query as QueryParams).project));
    return json.projects.some((p) => p.id === id) ? id : null;
  };

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/releases/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    return withHealth(request, await listPage(request, reply, org), null, false);
  });

  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/releases/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, true);
    const { release, created } = await releases.create(org, jsonObject(request.body));
    return reply.code(created ? 201 : 208).send(await releases.json(org, release));
  });

  app.get<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/', async (request) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    const release = await releases.get(org, request.params.version);
    const json = await releases.json(org, release);
    return detailsWithHealth(request, release, json, detailProject(request, json));
  });

  // The release page's event chart (Faultline's own; Sentry draws it from its events-stats API).
  app.get<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/stats/', async (request) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    const { period, environment } = statsQuery(request);
    return releases.eventStats(await releases.get(org, request.params.version), period, environment);
  });

  app.put<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/', async (request) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, true);
    const release = await releases.update(org, await releases.get(org, request.params.version), jsonObject(request.body));
    return releases.json(org, release);
  });

  app.delete<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, true);
    await releases.remove(await releases.get(org, request.params.version));
    return reply.code(204).send();
  });

  app.get<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/deploys/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    return paginate(request, reply, await releases.deploys(await releases.get(org, request.params.version)), readPage(request));
  });

  app.post<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/deploys/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, true);
    const release = await releases.get(org, request.params.version);
    return reply.code(201).send(await releases.addDeploy(org, release, jsonObject(request.body)));
  });

  app.get<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/commits/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    return paginate(request, reply, await releases.commits(await releases.get(org, request.params.version)), readPage(request));
  });

  app.get<{ Params: VersionParams }>('/api/0/organizations/:org/releases/:version/previous-with-commits/', async (request) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    return releases.previousWithCommits(org, await releases.get(org, request.params.version));
  });

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/repos/', async (request, reply) => {
    const { org } = await access.orgAccess(requirePrincipal(request), request.params.org, false);
    return paginate(request, reply, await releases.repositories(org), readPage(request));
  });

  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/repos/', async (request, reply) => {
    const { org } = await deps.auth.orgAccess(requirePrincipal(request), request.params.org, 'org:write');
    const { json, created } = await releases.createRepository(org, jsonObject(request.body));
    return reply.code(created ? 201 : 200).send(json);
  });

  // Project-scoped forms (sentry-cli 2.x with one project, older integrations).
  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/releases/', async (request, reply) => {
    const { org, project } = await access.projectAccess(requirePrincipal(request), request.params.org, request.params.project, false);
    return withHealth(request, await listPage(request, reply, org, project), project.id, false);
  });

  app.post<{ Params: ProjectParams }>('/api/0/projects/:org/:project/releases/', async (request, reply) => {
    const { org, project } = await access.projectAccess(requirePrincipal(request), request.params.org, request.params.project, true);
    const { release, created } = await releases.create(org, jsonObject(request.body), project);
    return reply.code(created ? 201 : 208).send(await releases.json(org, release, project));
  });

  app.get<{ Params: ProjectVersionParams }>('/api/0/projects/:org/:project/releases/:version/', async (request) => {
    const { org, project } = await access.projectAccess(requirePrincipal(request), request.params.org, request.params.project, false);
    const release = await releases.get(org, request.params.version, project);
    const json = await releases.json(org, release, project);
    return detailsWithHealth(request, release, json, project.id);
  });

  app.put<{ Params: ProjectVersionParams }>('/api/0/projects/:org/:project/releases/:version/', async (request) => {
    const { org, project } = await access.projectAccess(requirePrincipal(request), request.params.org, request.params.project, true);
    const release = await releases.update(org, await releases.get(org, request.params.version, project), jsonObject(request.body));
    return releases.json(org, release, project);
  });

  app.delete<{ Params: ProjectVersionParams }>('/api/0/projects/:org/:project/releases/:version/', async (request, reply) => {
    const { org, project } = await access.projectAccess(requirePrincipal(request), request.params.org, request.params.project, true);
    await releases.remove(await releases.get(org, request.params.version, project));
    return reply.code(204).send();
  });

  app.get<{ Params: ProjectVersionParams }>('/api/0/projects/:org/:project/releases/:version/commits/', async (request, reply) => {
    const { org, project } = await access.projectAccess(requirePrincipal(request), request.params.org, request.params.project, false);
    return paginate(request, reply, await releases.commits(await releases.get(org, request.params.version, project)), readPage(request));
  });
}
