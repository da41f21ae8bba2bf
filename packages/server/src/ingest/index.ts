/**
 * ingest: the Sentry ingest endpoints (`/api/{project}/envelope|store|security/`) and the HTTP
 * check-in endpoints (`/api/{project}/cron/…`, the legacy DSN-authenticated `…/monitors/{slug}/checkins/`).
 * Authenticate the DSN key, cap and decompress the body, parse the envelope, give
 * dropped items their outcome, apply rate limits, durably enqueue, reply. No heavy
 * work: payloads are not parsed here beyond client reports; processing is the worker's.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';
import type { QueueWriter } from '../jobs/index.js';
import type { Clock } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { ingestRoutes } from './ingest-routes.js';
import { createKeyCache, type KeyCache } from './key-cache.js';
import { createRateLimiter } from './rate-limiter.js';

export interface Ingest {
  /** register with `server.register(ingest.plugin)`: an encapsulated plugin */
  plugin(app: FastifyInstance): Promise<void>;
  keys: KeyCache;
}

export function createIngest(deps: { config: Config; store: Store; clock: Clock; queue: QueueWriter }): Ingest {
  const { config, store, clock, queue } = deps;
  const keys = createKeyCache({ store, clock, ttlMs: config.ingestKeyCacheTtlMs, defaultProjectRateLimit: config.ingestProjectRateLimit });
  const limiter = createRateLimiter({ clock, readTotals: (counters, windowStart) => store.rateWindows.totals(counters, windowStart) });
  const orgSlugOfProject = async (projectId: number) => {
    const project = await store.projects.byId(projectId);
    return project === undefined ? undefined : (await store.organizations.byId(project.orgId))?.slug;
  };
  return { plugin: ingestRoutes({ config, clock, queue, keys, limiter, orgSlugOfProject }), keys };
}

export { ingestCorsServer, isIngestPath } from './cors-server.js';
export { type IngestKey, type KeyCache, projectQuota } from './key-cache.js';
export { limitedCategories } from './rate-limiter.js';
