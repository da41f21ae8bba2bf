import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { registerStatsRoutes } from './stats-routes.js';

export interface OutcomesApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
}

/** outcomes' part of /api/0/: the `stats_v2` counts of what became of every item. */
export function registerOutcomesApi(app: FastifyInstance, deps: OutcomesApiDeps): void {
  registerStatsRoutes(app, deps);
}
