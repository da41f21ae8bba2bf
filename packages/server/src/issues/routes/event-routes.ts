import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../../auth/index.js';
import {
  decodeEvent,
  type EventRow,
  eventByEventId,
  eventJson,
  eventNeighbors,
  eventsPage,
  issueEdgeEvent,
  simpleEventJson,
  type TagsOf,
} from '../../events/index.js';
import { allParams, firstParam, readKeysetCursor, readLimit, setKeysetLink } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import { createPerformanceRepo, type PerformanceRepo, transactionEventSpans } from '../../performance/index.js';
import { type IssueParams, issueOfRequest } from './issue-access.js';
import { ISSUE_PREFIXES } from './issue-detail-routes.js';
import type { IssueRouteDeps } from './issue-routes.js';

type EventJson = ReturnType<typeof eventJson>;

/** A transaction's spans come from performance/: each with its self time and span group, and the op breakdown. */
async function withTransactionSpans(repo: PerformanceRepo, row: EventRow, doc: ReturnType<typeof decodeEvent>['doc'], json: EventJson) {
  const { spans, breakdowns } = await transactionEventSpans(repo, row.project_id, doc);
  const entries = json.entries.filter((e) => e.type !== 'spans');
  return { ...json, type: 'transaction', groupID: null, entries: [{ type: 'spans', data: spans }, ...entries], breakdowns };
}
type ProjectParams = { org: string; project: string };
const EDGES = { latest: 'latest', recommended: 'latest', oldest: 'oldest' } as const;

/**
 * Events in Sentry's API shapes: an issue's events (newest first, `full=true` for entries),
 * its latest/oldest/recommended event, one event by id with previous/next navigation, and a
 * project's events (what `sentry-cli events list` reads).
 */
export function registerEventRoutes(app: FastifyInstance, deps: IssueRouteDeps & { tagsOf: TagsOf }): void {
  const { auth, store, tagsOf } = deps;

  const performance = createPerformanceRepo(store.db);

  async function full(row: EventRow) {
    const decoded = decodeEvent(row);
    const json = eventJson(row, decoded, tagsOf, await eventNeighbors(store.db, row));
    return row.type === 'transaction' ? withTransactionSpans(performance, row, decoded.doc, json) : json;
  }

  async function list(request: FastifyRequest, reply: FastifyReply, where: { issueId: number } | { projectIds: number[] }) {
    const query = (firstParam(request, 'query') ?? '').trim();
    if (query !== '') fail('validation_failed', 'Searching within events is not supported; filter by environment instead');
    const cursor = readKeysetCursor(request);
    const page = await eventsPage(store.db, { ...where, environments: allParams(request, 'environment'), cursor, limit: readLimit(request, 100) });
    setKeysetLink(request, reply, page, cursor);
    const wantFull = firstParam(request, 'full') === 'true' || firstParam(request, 'full') === '1';
    return Promise.all(page.items.map((row) => (wantFull ? full(row) : simpleEventJson(row, decodeEvent(row).doc, tagsOf))));
  }

  for (const prefix of ISSUE_PREFIXES) {
    const resolve = (request: FastifyRequest<{ Params: IssueParams }>) => issueOfRequest(auth, store, request, 'event:read');

    app.get<{ Params: IssueParams }>(`${prefix}/events/`, async (request, reply) => list(request, reply, { issueId: (await resolve(request)).issue.id }));

    for (const [path, edge] of Object.entries(EDGES)) {
      app.get<{ Params: IssueParams }>(`${prefix}/events/${path}/`, async (request) => {
        const row = await issueEdgeEvent(store.db, (await resolve(request)).issue.id, edge);
        return row ? full(row) : fail('not_found', 'No events for this issue');
      });
    }

    app.get<{ Params: IssueParams & { eventId: string } }>(`${prefix}/events/:eventId/`, async (request) => {
      const { issue } = await resolve(request);
      const row = await eventByEventId(store.db, [issue.project_id], request.params.eventId);
      if (!row || row.issue_id !== issue.id) fail('not_found', 'Event not found');
      return full(row);
    });
  }

  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/events/', async (request, reply) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:read');
    return list(request, reply, { projectIds: [project.id] });
  });

  // The stored document itself, as Sentry's "JSON" link on an event shows it: after normalization,
  // scrubbing and symbolication, in the SDK's snake_case.
  app.get<{ Params: ProjectParams & { eventId: string } }>('/api/0/projects/:org/:project/events/:eventId/json/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:read');
    const row = await eventByEventId(store.db, [project.id], request.params.eventId);
    return row ? { ...decodeEvent(row).doc, event_id: row.event_id } : fail('not_found', 'Event not found');
  });

  app.get<{ Params: ProjectParams & { eventId: string } }>('/api/0/projects/:org/:project/events/:eventId/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'event:read');
    const row = await eventByEventId(store.db, [project.id], request.params.eventId);
    return row ? full(row) : fail('not_found', 'Event not found');
  });
}
