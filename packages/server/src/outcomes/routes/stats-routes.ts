import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { parseStatsQuery, type QueryParams } from '../stats-query.js';
import { buildStatsResponse } from '../stats-response.js';

/** `GET /api/0/organizations/{org}/stats_v2/`: outcome totals of the caller's organization. */
export function registerStatsRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store; clock: Clock }): void {
  app.get<{ Params: { org: string }; Querystring: QueryParams }>('/api/0/organizations/:org/stats_v2/', async (request) => {
    const { org } = await deps.auth.orgAccess(requirePrincipal(request), request.params.org, 'org:read');
    const query = parseStatsQuery(request.query, deps.clock.now());
    const owned = (await deps.store.projects.list(org.id)).map((p) => p.id);
    // Projects of other organizations are silently left out, like unknown ones: no existence leak.
    const projectIds = query.projectIds === null ? owned : owned.filter((id) => query.projectIds?.includes(id));
    const rows = await deps.store.outcomes.query({
      projectIds,
      from: query.start,
      to: query.end,
      categories: query.categories,
      outcomes: query.outcomes,
      reasons: query.reasons,
    });
    return buildStatsResponse(query, rows);
  });
}
