import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../kernel/index.js';
import type { Auth } from './auth.js';
import { readCookie, sessionCookieName } from './cookies.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The route pattern, not the URL: audit lines name what was done without ids or query strings. */
const routeOf = (request: FastifyRequest): string => `${request.method} ${request.routeOptions.url ?? request.url}`;

/**
 * Resolves the caller of every /api/0/ request: `Authorization: Bearer` first
 * (tools), then the session cookie (the web UI); a DSN credential is no principal. Cookie-authenticated writes
 * must carry the CSRF token in `X-CSRFToken`.
 */
export function installPrincipalResolution(app: FastifyInstance, auth: Auth): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // The matched route, not the raw URL: `/api/0` and `//api/0/…` reach the same handlers.
    if (!request.routeOptions.url?.startsWith('/api/0/')) return;
    const header = request.headers.authorization;
    // `Authorization: DSN <dsn>` is ingest's credential for the legacy check-in API
    // (https://docs.sentry.io/product/crons/getting-started/http/): not a caller of the web API.
    if (header && !/^\s*DSN\s/i.test(header)) {
      const match = /^(Bearer|Token)\s+(\S+)\s*$/i.exec(header);
      if (!match?.[2]) fail('invalid_token', 'Invalid Authorization header: expected "Bearer <token>"');
      const principal = await auth.principalFromToken(match[2]);
      if (!principal) fail('invalid_token', 'Invalid token');
      request.principal = { ...principal, route: routeOf(request) };
      return;
    }
    const sessionId = readCookie(request.headers.cookie, sessionCookieName);
    if (!sessionId) return;
    const principal = await auth.principalFromSession(sessionId);
    if (!principal) return;
    if (!safeMethods.has(request.method)) {
      const csrf = request.headers['x-csrftoken'];
      auth.checkCsrf(principal, Array.isArray(csrf) ? csrf[0] : csrf);
    }
    request.principal = { ...principal, route: routeOf(request) };
  });
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) fail('not_authenticated');
  return request.principal;
}
