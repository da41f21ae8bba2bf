import type { FastifyInstance } from 'fastify';
import { jsonObject, optionalString } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { Auth } from '../auth.js';
import { requirePrincipal } from '../request-principal.js';
import { expandScopes, parseScopes, roleScopes } from '../scopes.js';
import type { ApiToken } from '../store/api-tokens.js';

function tokenJson(t: ApiToken, orgSlug: string | null) {
  return {
    id: String(t.id),
    name: t.name,
    scopes: t.scopes,
    organization: orgSlug,
    tokenLastCharacters: t.lastChars,
    dateCreated: new Date(t.createdAt).toISOString(),
    lastUsed: t.lastUsedAt === null ? null : new Date(t.lastUsedAt).toISOString(),
  };
}

/**
 * Personal and organization API tokens. Only a signed-in person creates or
 * revokes tokens, so a leaked token cannot mint itself a stronger one; the
 * plain token appears in the creation response and never again.
 */
export function registerTokenRoutes(app: FastifyInstance, auth: Auth, store: Store): void {
  app.get('/api/0/api-tokens/', async (request) => {
    const p = requirePrincipal(request);
    const tokens = await store.apiTokens.listForUser(p.user.id);
    const orgs = new Map((await store.organizations.forUser(p.user.id)).map((o) => [o.id, o.slug]));
    return tokens.map((t) => tokenJson(t, t.orgId === null ? null : (orgs.get(t.orgId) ?? null)));
  });

  app.post('/api/0/api-tokens/', async (request, reply) => {
    const p = requirePrincipal(request);
    if (p.kind !== 'session') fail('permission_denied', 'API tokens can only be created by a signed-in user');
    const body = jsonObject(request.body);
    const rawScopes = Array.isArray(body.scopes)
      ? body.scopes.filter((s): s is string => typeof s === 'string').join(' ')
      : (optionalString(body, 'scopes', 500) ?? '');
    const parsed = parseScopes(rawScopes);
    if (!parsed.ok) fail('validation_failed', parsed.reason);
    const orgSlug = optionalString(body, 'organization', 64);
    const access = orgSlug ? await auth.orgAccess(p, orgSlug, 'org:read') : null;
    if (access) {
      // An organization token acts through its creator's membership; superuser powers stay with the session.
      if (!access.member) fail('permission_denied', 'Superuser access does not pass to tokens: join the organization to create a token for it');
      const allowed = expandScopes(roleScopes[access.member.role]);
      const excess = parsed.scopes.filter((s) => !allowed.has(s));
      if (excess.length > 0) fail('permission_denied', `Your role cannot grant: ${excess.join(', ')}`);
    }
    const name = optionalString(body, 'name', 100) ?? 'API token';
    const { token, id } = await auth.createToken({ user: p.user, org: access?.org ?? null, name, scopes: parsed.scopes });
    const stored = (await store.apiTokens.listForUser(p.user.id)).find((t) => t.id === id);
    return reply.code(201).send({ ...(stored ? tokenJson(stored, orgSlug ?? null) : {}), token });
  });

  app.delete<{ Params: { id: string } }>('/api/0/api-tokens/:id/', async (request, reply) => {
    const p = requirePrincipal(request);
    if (p.kind !== 'session') fail('permission_denied', 'API tokens can only be revoked by a signed-in user');
    if (!/^\d+$/.test(request.params.id) || !(await store.apiTokens.revoke(p.user.id, Number(request.params.id)))) fail('not_found', 'Token not found');
    return reply.code(204).send();
  });
}
