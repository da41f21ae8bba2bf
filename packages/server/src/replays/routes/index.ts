import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { createReplayAccess } from './replay-access.js';
import { registerReplayCountRoutes } from './replay-count-routes.js';
import { registerReplayRoutes } from './replay-routes.js';
import { registerSegmentRoutes } from './segment-routes.js';

export interface ReplaysApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
}

/** replays' part of /api/0/: the list, details, delete, recording segments and replay-count (docs/replays.md › API). */
export function registerReplaysApi(app: FastifyInstance, deps: ReplaysApiDeps): void {
  const access = createReplayAccess(deps.auth, deps.store);
  registerReplayRoutes(app, deps.store, deps.clock, access);
  registerSegmentRoutes(app, deps.store, access);
  registerReplayCountRoutes(app, deps.store, deps.clock, access);
}
