import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { Alerting } from '../alerting.js';
import { registerAlertRoutes } from './alert-routes.js';

export interface AlertApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
  readonly alerting: Alerting;
}

/** alerting's part of /api/0/: issue and metric rules, their previews, notification channels. */
export function registerAlertApi(app: FastifyInstance, deps: AlertApiDeps): void {
  registerAlertRoutes(app, deps);
}
