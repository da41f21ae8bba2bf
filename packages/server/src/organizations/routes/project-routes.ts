import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject, optionalBoolean, optionalString, paginate, readPage } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { projectSettingsJson } from '../project-settings.js';
import { clientKeyJson, projectJson } from '../read/organization-json.js';
import type { SettingsRules } from '../settings-rules.js';

type ProjectParams = { org: string; project: string };
type KeyParams = ProjectParams & { key: string };

/** `rateLimit` as Sentry sends it: `{window, count}` or null; stored as events per minute. */
function readRateLimit(body: Record<string, unknown>): number | null | undefined {
  const v = body.rateLimit;
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) fail('validation_failed', 'rateLimit must be {"window": seconds, "count": events} or null');
  const { window, count } = v as Record<string, unknown>;
  if (count === null || count === undefined) return null;
  const w = window === undefined || window === null ? 60 : window;
  if (typeof w !== 'number' || typeof count !== 'number' || !Number.isInteger(count) || count < 0 || !(w > 0) || w > 86400) {
    fail('validation_failed', 'rateLimit.count must be a whole number ≥ 0 and rateLimit.window between 1 and 86400 seconds');
  }
  return Math.max(1, Math.round((count * 60) / w));
}

export function registerProjectRoutes(app: FastifyInstance, auth: Auth, store: Store, publicUrl: string, rules: SettingsRules): void {
  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/', async (request) => {
    const { org, project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:read');
    return { ...projectJson(project, org, await store.teams.forProject(project.id)), ...projectSettingsJson(rules, project) };
  });

  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/keys/', async (request, reply) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:read');
    const keys = await store.clientKeys.list(project.id);
    return paginate(
      request,
      reply,
      keys.map((k) => clientKeyJson(k, publicUrl)),
      readPage(request),
    );
  });

  app.post<{ Params: ProjectParams }>('/api/0/projects/:org/:project/keys/', async (request, reply) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:write');
    const body = jsonObject(request.body);
    const label = optionalString(body, 'name', 64) ?? 'Default';
    const key = await store.clientKeys.create(project.id, label, readRateLimit(body) ?? null);
    return reply.code(201).send(clientKeyJson(key, publicUrl));
  });

  async function findKey(projectId: number, publicKey: string) {
    const key = (await store.clientKeys.byPublicKey(publicKey)) ?? fail('not_found', 'Client key not found');
    if (key.projectId !== projectId) fail('not_found', 'Client key not found');
    return key;
  }

  app.get<{ Params: KeyParams }>('/api/0/projects/:org/:project/keys/:key/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:read');
    return clientKeyJson(await findKey(project.id, request.params.key), publicUrl);
  });

  app.put<{ Params: KeyParams }>('/api/0/projects/:org/:project/keys/:key/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:write');
    const key = await findKey(project.id, request.params.key);
    const body = jsonObject(request.body);
    const label = optionalString(body, 'name', 64);
    const enabled = optionalBoolean(body, 'isActive');
    const rateLimit = readRateLimit(body);
    const updated = await store.clientKeys.update(project.id, key.id, {
      ...(label === undefined ? {} : { label }),
      ...(enabled === undefined ? {} : { enabled }),
      ...(rateLimit === undefined ? {} : { rateLimit }),
    });
    return clientKeyJson(updated ?? key, publicUrl);
  });

  app.delete<{ Params: KeyParams }>('/api/0/projects/:org/:project/keys/:key/', async (request, reply) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:write');
    const key = await findKey(project.id, request.params.key);
    await store.clientKeys.remove(project.id, key.id);
    return reply.code(204).send();
  });
}
