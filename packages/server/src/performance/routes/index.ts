import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { EventsDatasets } from '../query/events-dataset.js';
import { createTraceReader } from '../traces/trace-reader.js';
import { registerPerformanceRoutes } from './events-routes.js';
import { registerTraceRoutes } from './trace-routes.js';

export interface PerformanceApiDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** the projects of the organization the caller may read; throws (404) when the organization is not theirs */
  projectsOf(request: FastifyRequest, org: string): Promise<readonly { readonly id: number; readonly slug: string }[]>;
  /** `WEB-1A` from the project slug and the counter (issues/ owns the format) */
  shortIdOf(projectSlug: string, counter: number): string;
  /** datasets other domains answer (logs): events, events-stats, attributes and their count in trace-meta */
  readonly datasets?: EventsDatasets;
}

/** The performance domain's `/api/0/` routes: events, events-stats, validate, attributes, traces. */
export function registerPerformanceApi(app: FastifyInstance, deps: PerformanceApiDeps): void {
  registerPerformanceRoutes(app, deps);
  registerTraceRoutes(app, { ...deps, reader: createTraceReader({ db: deps.store.db }), logs: deps.datasets?.logs });
}
