import type { FastifyInstance } from 'fastify';
import { fail } from '../../kernel/index.js';
import type { Auth } from '../auth.js';
import { clearedSessionCookie, sessionCookie } from '../cookies.js';
import { userJson } from '../read/user-json.js';
import { requirePrincipal } from '../request-principal.js';

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) fail('validation_failed', 'Expected a JSON object');
  return body as Record<string, unknown>;
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, secureCookies: boolean): void {
  // sentry-cli `info` reads auth.scopes and user (docs/wire-format.md › sentry-cli: releases).
  app.get('/api/0/', async (request) => {
    const p = request.principal;
    if (!p) return { version: '0', auth: null, user: null };
    return { version: '0', auth: { scopes: auth.principalScopes(p) }, user: userJson(p.user) };
  });

  app.post('/api/0/auth/login/', async (request, reply) => {
    const body = bodyObject(request.body);
    const email = body.email ?? body.username;
    const password = body.password;
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 320 || password.length > 1024) {
      fail('validation_failed', 'email and password are required strings');
    }
    const { sessionId, csrfToken, user } = await auth.signIn(email, password, request.ip);
    void reply.header('set-cookie', sessionCookie(sessionId, auth.sessionTtlSeconds, secureCookies));
    return { user: userJson(user), csrfToken };
  });

  app.get('/api/0/auth/', async (request) => {
    const p = requirePrincipal(request);
    // Sentry answers this with the user object itself; the Sentry MCP server's `whoami` reads its
    // id, name and email at the top level. `user` and `csrfToken` are what the web UI reads.
    const user = userJson(p.user);
    return { ...user, user, csrfToken: p.kind === 'session' ? p.csrfToken : null };
  });

  app.delete('/api/0/auth/', async (request, reply) => {
    const p = requirePrincipal(request);
    await auth.signOut(p);
    void reply.header('set-cookie', clearedSessionCookie(secureCookies)).code(204);
    return reply.send();
  });
}
