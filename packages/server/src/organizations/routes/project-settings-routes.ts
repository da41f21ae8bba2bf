import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject, optionalString } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { projectSettingsJson, SETTINGS_FIELDS, updateProjectSettings } from '../project-settings.js';
import { isValidSlug } from '../provision/slug.js';
import { projectJson } from '../read/organization-json.js';
import type { SettingsRules } from '../settings-rules.js';

type ProjectParams = { org: string; project: string };
const PROJECT_FIELDS = new Set(['name', 'slug', 'platform']);

/**
 * `PUT /api/0/projects/{org}/{project}/`: name, slug, platform and the processing settings
 * (inbound filters, scrubbing, grouping rules, retention) and the release-health thresholds. Everything is validated before
 * anything is saved; rule syntax errors come back per line:
 * `{"detail": …, "errors": {"fingerprintRules": [{line, column, message}]}}`.
 */
export function registerProjectSettingsRoutes(app: FastifyInstance, auth: Auth, store: Store, rules: SettingsRules): void {
  app.put<{ Params: ProjectParams }>('/api/0/projects/:org/:project/', async (request, reply) => {
    const { org, project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:write');
    const body = jsonObject(request.body);
    const unknown = Object.keys(body).filter((k) => !PROJECT_FIELDS.has(k) && !SETTINGS_FIELDS.has(k));
    if (unknown.length > 0) fail('validation_failed', `Unsupported field(s): ${unknown.join(', ')}`);
    const name = optionalString(body, 'name', 64);
    const slug = optionalString(body, 'slug', 50);
    const platform = body.platform === null ? null : optionalString(body, 'platform', 64);
    if (name !== undefined && name.trim() === '') fail('validation_failed', 'name must not be empty');
    if (slug !== undefined && slug !== project.slug) {
      if (!isValidSlug(slug)) fail('validation_failed', 'slug may contain lowercase letters, digits, - and _, and must not be only digits');
      if (await store.projects.bySlug(org.id, slug)) fail('conflict', `A project with the slug "${slug}" already exists`);
    }
    const update = updateProjectSettings(rules, project.settings, body);
    if (!update.ok) {
      const fields = Object.keys(update.errors).join(', ');
      return reply.code(400).send({ detail: `Invalid project settings: ${fields}`, errors: update.errors });
    }
    await store.projects.rename(project.id, {
      ...(name === undefined ? {} : { name: name.trim() }),
      ...(slug === undefined ? {} : { slug }),
      ...(platform === undefined ? {} : { platform }),
    });
    await store.projects.updateSettings(project.id, update.settings);
    const saved = (await store.projects.byId(project.id)) ?? project;
    return { ...projectJson(saved, org, await store.teams.forProject(saved.id)), ...projectSettingsJson(rules, saved) };
  });
}
