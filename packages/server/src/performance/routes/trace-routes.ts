import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Clock, fail } from '../../kernel/index.js';
import type { EventsDataset } from '../query/events-dataset.js';
import type { TraceReader } from '../traces/trace-reader.js';
import { parseTraceRequest, type QueryValue } from '../traces/trace-request.js';
import type { TraceNaming } from '../traces/trace-tree.js';

/**
 * The trace endpoints (docs/performance-monitoring.md › Traces): the trace tree and its counts.
 * Who the caller is and which projects they may read is decided by the caller of this function
 * (api/ wires it with auth), so performance/ stays free of HTTP auth.
 */
export interface TraceRouteDeps {
  /** the projects of the organization the caller may read; throws (404) when the organization is not theirs */
  projectsOf(request: FastifyRequest, org: string): Promise<readonly { readonly id: number; readonly slug: string }[]>;
  shortIdOf: TraceNaming['shortIdOf'];
  reader: TraceReader;
  clock: Clock;
  /** the logs dataset, when another domain stores logs: trace-meta counts its lines */
  logs?: EventsDataset | undefined;
}

type TraceParams = { org: string; traceId: string };

export function registerTraceRoutes(app: FastifyInstance, deps: TraceRouteDeps): void {
  async function resolve(request: FastifyRequest<{ Params: TraceParams }>) {
    const projects = await deps.projectsOf(request, request.params.org);
    const traceRequest = parseTraceRequest(request.params.traceId, request.query as Record<string, QueryValue>, deps.clock.now());
    // As Sentry: a caller without projects has no trace to look at.
    if (projects.length === 0) fail('not_found', 'No projects available');
    const slugs = new Map(projects.map((p) => [p.id, p.slug]));
    const naming: TraceNaming = { slugOf: (id) => slugs.get(id) ?? '', shortIdOf: deps.shortIdOf };
    return { projectIds: projects.map((p) => p.id), traceRequest, naming };
  }

  app.get<{ Params: TraceParams }>('/api/0/organizations/:org/trace/:traceId/', async (request) => {
    const { projectIds, traceRequest, naming } = await resolve(request);
    return deps.reader.trace(projectIds, traceRequest, naming);
  });

  app.get<{ Params: TraceParams }>('/api/0/organizations/:org/trace-meta/:traceId/', async (request) => {
    const { projectIds, traceRequest } = await resolve(request);
    const meta = await deps.reader.meta(projectIds, traceRequest);
    if (deps.logs !== undefined) meta.logs = await deps.logs.countInTrace(projectIds, traceRequest.traceId);
    return meta;
  });
}
