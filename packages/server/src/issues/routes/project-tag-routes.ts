import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { allParams, firstParam, readLimit } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { PROJECT_TAG_KEY_LIMIT, PROJECT_TAG_VALUE_LIMIT, projectTagKeys, projectTagValues } from '../read/project-tags.js';

type ProjectParams = { org: string; project: string };

/** Datasets whose tags are the error events' (Sentry API reference, "List an Organization's Tags"); replays have none stored here. */
const EVENT_DATASETS = new Set(['events', 'errors', 'search_issues', 'discover']);
const KNOWN_TAG_DATASETS = new Set([...EVENT_DATASETS, 'replays']);
type KeyParams = ProjectParams & { key: string };

/** Project-wide tag keys and values for the search bar (Sentry's project tag routes); bounded reads, see ../read/project-tags.ts. */
export function registerProjectTagRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store }): void {
  const { auth, store } = deps;

  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/tags/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:read');
    return projectTagKeys(store.db, project.id, readLimit(request, PROJECT_TAG_KEY_LIMIT, PROJECT_TAG_KEY_LIMIT));
  });

  // The organization's tag keys across its projects (what the MCP server's search agent and
  // Grafana's tag lookups read): each project's bounded key list, totals added up per key.
  app.get<{ Params: { org: string } }>('/api/0/organizations/:org/tags/', async (request) => {
    const { org } = await auth.orgAccess(requirePrincipal(request), request.params.org, 'event:read');
    const dataset = firstParam(request, 'dataset') ?? 'events';
    if (!KNOWN_TAG_DATASETS.has(dataset)) fail('validation_failed', `dataset must be one of: ${[...KNOWN_TAG_DATASETS].join(', ')}`);
    const wanted = allParams(request, 'project').filter((p) => p !== '-1');
    if (wanted.some((p) => !/^\d{1,12}$/.test(p))) fail('validation_failed', 'project must be a numeric project id');
    if (!EVENT_DATASETS.has(dataset)) return [];
    const limit = readLimit(request, PROJECT_TAG_KEY_LIMIT, PROJECT_TAG_KEY_LIMIT);
    const projects = (await store.projects.list(org.id)).filter((p) => wanted.length === 0 || wanted.includes(String(p.id)));
    const merged = new Map<string, { key: string; name: string; totalValues: number }>();
    for (const project of projects) {
      for (const k of await projectTagKeys(store.db, project.id, limit)) {
        const seen = merged.get(k.key);
        if (seen === undefined) merged.set(k.key, { ...k });
        else seen.totalValues += k.totalValues;
      }
    }
    return [...merged.values()].sort((a, b) => a.key.localeCompare(b.key)).slice(0, limit);
  });

  app.get<{ Params: KeyParams }>('/api/0/projects/:org/:project/tags/:key/values/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:read');
    const key = request.params.key;
    if (key.length === 0 || key.length > 200) fail('validation_failed', 'key must be 1 to 200 characters');
    const prefix = firstParam(request, 'query') ?? '';
    if (prefix.length > 200) fail('validation_failed', 'query must be at most 200 characters');
    return projectTagValues(store.db, project.id, key, prefix, readLimit(request, PROJECT_TAG_VALUE_LIMIT, PROJECT_TAG_VALUE_LIMIT));
  });
}
