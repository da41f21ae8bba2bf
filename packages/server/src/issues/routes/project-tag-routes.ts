import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { firstParam, readLimit } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { PROJECT_TAG_KEY_LIMIT, PROJECT_TAG_VALUE_LIMIT, projectTagKeys, projectTagValues } from '../read/project-tags.js';

type ProjectParams = { org: string; project: string };
type KeyParams = ProjectParams & { key: string };

/** Project-wide tag keys and values for the search bar (Sentry's project tag routes); bounded reads, see ../read/project-tags.ts. */
export function registerProjectTagRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store }): void {
  const { auth, store } = deps;

  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/tags/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:read');
    return projectTagKeys(store.db, project.id, readLimit(request, PROJECT_TAG_KEY_LIMIT, PROJECT_TAG_KEY_LIMIT));
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
