import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { registerCheckInRoutes } from './check-in-routes.js';
import { createMonitorAccess } from './monitor-access.js';
import { registerMonitorBulkRoutes } from './monitor-bulk-routes.js';
import { registerMonitorRoutes } from './monitor-routes.js';

export interface MonitorsApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
}

/** monitors' part of /api/0/: monitors, their environments, check-ins and stats (docs/crons.md › API). */
export function registerMonitorsApi(app: FastifyInstance, deps: MonitorsApiDeps): void {
  const access = createMonitorAccess(deps.auth, deps.store);
  registerMonitorRoutes(app, deps.store, access);
  registerMonitorBulkRoutes(app, deps.store, access);
  registerCheckInRoutes(app, deps.store, deps.clock, access);
}
