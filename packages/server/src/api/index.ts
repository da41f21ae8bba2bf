/**
 * api: the HTTP face of the Sentry-compatible web API under /api/0/ and the
 * health endpoints. Routes are thin: they resolve the caller, check access
 * through auth, call the domain and serialize in Sentry's shapes.
 */
import type { FastifyInstance } from 'fastify';
import type { Auth } from '../auth/index.js';
import type { Store } from '../store/index.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerOrganizationRoutes } from './organization-routes.js';
import { registerProjectRoutes } from './project-routes.js';
import { registerTokenRoutes } from './token-routes.js';

export { installErrorHandling } from './http-errors.js';
export { installPrincipalResolution, requirePrincipal } from './request-principal.js';
export { paginate, readPage } from './pagination.js';
export { clientKeyJson, organizationJson, projectJson, userJson } from './serializers.js';

export function registerApiRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store; publicUrl: string }): void {
  const secureCookies = deps.publicUrl.startsWith('https:');
  registerHealthRoutes(app, deps.store);
  registerAuthRoutes(app, deps.auth, secureCookies);
  registerOrganizationRoutes(app, deps.auth, deps.store, deps.publicUrl);
  registerProjectRoutes(app, deps.auth, deps.store, deps.publicUrl);
  registerTokenRoutes(app, deps.auth, deps.store);
}
