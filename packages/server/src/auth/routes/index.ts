import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import type { Auth } from '../auth.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerTokenRoutes } from './token-routes.js';

export interface AuthApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  /** session cookies carry `Secure` when the public URL is https */
  readonly secureCookies: boolean;
}

/** auth's part of /api/0/: sign-in and sign-out, the caller's identity, API tokens. */
export function registerAuthApi(app: FastifyInstance, deps: AuthApiDeps): void {
  registerAuthRoutes(app, deps.auth, deps.secureCookies);
  registerTokenRoutes(app, deps.auth, deps.store);
}
