import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../../kernel/index.js';
import { one, type QueryParams } from '../../performance/index.js';
import { logItemJson } from '../query/log-item.js';
import type { LogsRepo } from '../store/logs-repo.js';

export interface LogsApiDeps {
  /** the projects of the organization the caller may read; throws (404) when the organization is not theirs (api/ wires it with auth) */
  projectsOf(request: FastifyRequest, org: string): Promise<readonly { readonly id: number; readonly slug: string }[]>;
  readonly repo: LogsRepo;
}

type ItemParams = { org: string; project: string; itemId: string };

/**
 * The one route logs own: a single line by its `sentry.item_id`, found through its trace
 * (`trace_id` is required, as in Sentry's API; docs/logs.md › API). The stream, aggregates,
 * charts and attribute names are the events routes' `dataset=logs` (logs-dataset.ts).
 */
export function registerLogsApi(app: FastifyInstance, deps: LogsApiDeps): void {
  app.get<{ Params: ItemParams; Querystring: QueryParams }>('/api/0/projects/:org/:project/trace-items/:itemId/', async (request) => {
    const projects = await deps.projectsOf(request, request.params.org);
    const project = projects.find((p) => p.slug === request.params.project || String(p.id) === request.params.project);
    if (project === undefined) fail('not_found', 'The requested resource does not exist');
    const itemType = one(request.query, 'item_type') ?? one(request.query, 'itemType');
    if (itemType !== 'logs') fail('validation_failed', 'item_type must be logs (the only trace item type stored one by one)');
    const itemId = request.params.itemId.toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(itemId)) fail('validation_failed', 'The item id must be 32 hexadecimal digits');
    const traceId = (one(request.query, 'trace_id') ?? '').toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(traceId)) fail('validation_failed', 'trace_id is required: the trace id of the item, 32 hexadecimal digits');
    const blocks = await deps.repo.blocks({ projectIds: [project.id], startMs: 0, endMs: Number.MAX_SAFE_INTEGER, traceId, limit: 1_000 });
    for (const block of blocks) {
      const line = block.lines.find((l) => l.itemId === itemId);
      if (line !== undefined) return logItemJson(line, project);
    }
    return fail('not_found', 'The requested resource does not exist');
  });
}
