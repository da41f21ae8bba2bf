import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { EventsDatasets } from '../query/events-dataset.js';
import { one, parseEventsRequest, parseProjectIds, type QueryParams } from '../query/events-request.js';
import { runEventsStats } from '../query/events-stats.js';
import { type ProjectRef, runEventsTable } from '../query/events-table.js';
import { traceItemAttributes } from '../query/trace-item-attributes.js';
import { validateEventsRequest } from '../query/validate-events.js';

export interface PerformanceRouteDeps {
  /** the projects of the organization the caller may read; throws (404) when the organization is not theirs (api/ wires it with auth) */
  projectsOf(request: FastifyRequest, org: string): Promise<readonly ProjectRef[]>;
  /** `WEB-1A` from the project slug and the counter (issues/ owns the format) */
  shortIdOf(projectSlug: string, counter: number): string;
  readonly store: Store;
  readonly clock: Clock;
  /** datasets other domains answer (logs), by `dataset=` name */
  readonly datasets?: EventsDatasets | undefined;
}

/** The projects of the caller's organization that the request names (all of them by default); others are left out silently. */
async function projectsInScope(
  deps: PerformanceRouteDeps,
  request: FastifyRequest<{ Params: { org: string } }>,
  wanted: readonly number[] | null,
): Promise<ProjectRef[]> {
  const owned = await deps.projectsOf(request, request.params.org);
  return owned.filter((p) => wanted === null || wanted.includes(p.id)).map((p) => ({ id: p.id, slug: p.slug }));
}

/** Sentry's offset cursors: `0:<offset>:<is_prev>` (Sentry API reference, Paginating Results). */
function setLink(request: FastifyRequest, reply: FastifyReply, offset: number, limit: number, hasNext: boolean): void {
  const base = request.url.split('?')[0] ?? request.url;
  const link = (cursor: string) => {
    const params = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
    params.set('cursor', cursor);
    return `<${base}?${params.toString().replace(/%3A/gi, ':')}>`;
  };
  const prev = `0:${Math.max(0, offset - limit)}:1`;
  const next = `0:${offset + limit}:0`;
  reply.header(
    'link',
    `${link(prev)}; rel="previous"; results="${offset > 0}"; cursor="${prev}", ${link(next)}; rel="next"; results="${hasNext}"; cursor="${next}"`,
  );
}

/**
 * The performance datasets of Sentry's web API (docs/performance-monitoring.md › API):
 * `GET /api/0/organizations/{org}/events/` with `dataset=transactions|spans`.
 */
export function registerPerformanceRoutes(app: FastifyInstance, deps: PerformanceRouteDeps): void {
  const datasetOf = (q: QueryParams, name: string) => {
    const key = one(q, name);
    return key !== undefined && deps.datasets !== undefined && Object.hasOwn(deps.datasets, key) ? deps.datasets[key] : undefined;
  };
  app.get<{ Params: { org: string }; Querystring: QueryParams }>('/api/0/organizations/:org/events/', async (request, reply) => {
    const other = datasetOf(request.query, 'dataset');
    const parsed = parseEventsRequest(request.query, deps.clock.now(), { requireFields: true, maxPerPage: other?.maxPerPage ?? 100 });
    const projects = await projectsInScope(deps, request, parsed.projectIds);
    if (projects.length === 0) return { data: [], meta: { tips: { query: 'Need at least one valid project to query.' } } };
    const result = other === undefined ? await runEventsTable(deps.store.db, parsed, projects, deps) : await other.table(parsed, projects);
    if (request.query.noPagination !== '1') setLink(request, reply, parsed.offset, parsed.perPage, result.hasNext);
    return { data: result.data, meta: result.meta };
  });

  app.get<{ Params: { org: string }; Querystring: QueryParams }>('/api/0/organizations/:org/events-stats/', async (request) => {
    const projects = await projectsInScope(deps, request, parseProjectIds(request.query));
    const other = datasetOf(request.query, 'dataset');
    if (other !== undefined) return other.stats(request.query, projects, deps.clock.now());
    return runEventsStats(deps.store.db, request.query, projects, deps.clock.now(), deps);
  });

  app.get<{ Params: { org: string }; Querystring: QueryParams }>('/api/0/organizations/:org/events/validate/', async (request) => {
    const projects = await projectsInScope(deps, request, null);
    return validateEventsRequest(
      request.query,
      deps.clock.now(),
      projects.map((p) => p.id),
      datasetOf(request.query, 'dataset'),
    );
  });

  app.get<{ Params: { org: string }; Querystring: QueryParams }>('/api/0/organizations/:org/trace-items/attributes/', async (request, reply) => {
    const projects = await projectsInScope(deps, request, parseProjectIds(request.query));
    const q = request.query;
    const other = datasetOf(q, 'itemType');
    const attributes =
      other !== undefined
        ? await other.attributes(q, projects)
        : await traceItemAttributes(
            deps.store.db,
            projects.map((p) => p.id),
            { itemType: one(q, 'itemType'), attributeType: one(q, 'attributeType'), substringMatch: one(q, 'substringMatch') },
          );
    const perPage = Math.min(1000, Math.max(1, Number(one(q, 'per_page') ?? 1000) || 1000));
    const cursor = one(q, 'cursor');
    const offset = cursor === undefined ? 0 : Number(cursor.split(':')[1] ?? 0) || 0;
    setLink(request, reply, offset, perPage, attributes.length > offset + perPage);
    return attributes.slice(offset, offset + perPage);
  });
}
