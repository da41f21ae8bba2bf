import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setOffsetLink } from '../../http/index.js';
import type { Clock } from '../../kernel/index.js';
import type { QueryParams } from '../../performance/index.js';
import type { Store } from '../../store/index.js';
import { parseSeriesRequest, type SeriesRequestOptions } from '../read/series-request.js';
import { METRICS_API_FIELDS, SESSIONS_API_FIELDS } from '../read/session-fields.js';
import { sessionSeries } from '../read/session-series.js';

export interface SessionsApiDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** the projects of the organization the caller may read; throws (404) when the organization is not theirs */
  projectsOf(request: FastifyRequest, org: string): Promise<readonly { readonly id: number }[]>;
}

type OrgParams = { Params: { org: string } };

// Sentry API reference: sessions per_page default and max 5000; metrics/data default 50, max 100.
const SESSIONS: SeriesRequestOptions = { catalogue: SESSIONS_API_FIELDS, defaultPerPage: 5000, maxPerPage: 5000, orderByColumns: [] };
const METRICS: SeriesRequestOptions = {
  catalogue: METRICS_API_FIELDS,
  defaultPerPage: 50,
  maxPerPage: 100,
  orderByColumns: ['release', 'environment', 'project'],
};

/** Release health's `/api/0/` routes: `/sessions/` (Sentry UI, MCP) and `/metrics/data/` (Grafana). */
export function registerSessionsApi(app: FastifyInstance, deps: SessionsApiDeps): void {
  const serve = (options: SeriesRequestOptions) => async (request: FastifyRequest<OrgParams>, reply: FastifyReply) => {
    const readable = (await deps.projectsOf(request, request.params.org)).map((p) => p.id);
    const parsed = parseSeriesRequest(request.query as QueryParams, deps.clock.now(), options);
    const { body, total } = await sessionSeries(deps.store, parsed, readable);
    setOffsetLink(request, reply, parsed.offset, parsed.perPage, parsed.offset + parsed.perPage < total);
    return options === METRICS ? { ...body, meta: [] } : body;
  };
  app.get<OrgParams>('/api/0/organizations/:org/sessions/', serve(SESSIONS));
  app.get<OrgParams>('/api/0/organizations/:org/metrics/data/', serve(METRICS));
}
