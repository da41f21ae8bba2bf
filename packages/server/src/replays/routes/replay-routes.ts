import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePrincipal, userJson } from '../../auth/index.js';
import { allParams, firstParam, paginate, readPage } from '../../http/index.js';
import type { Clock } from '../../kernel/index.js';
import { fail } from '../../kernel/index.js';
import { parseProjectIds, parseWindow, type QueryParams } from '../../performance/index.js';
import type { Store } from '../../store/index.js';
import { pickFields, replayJson } from '../read/replay-json.js';
import { parseReplayQuery } from '../read/replay-query.js';
import { parseReplaySort } from '../read/replay-sort.js';
import type { ReplayAccess, ReplayParams } from './replay-access.js';

type Req = FastifyRequest<{ Params: ReplayParams }>;

/**
 * The list reads at most this many replays of the window (newest first), then filters and
 * sorts them in memory (docs/replays.md › API): replays are few next to events.
 */
export const MAX_REPLAYS_SCANNED = 10_000;

/**
 * Sentry's replay endpoints (Sentry API reference, "Replays"): the organization's list with
 * `field`, `sort`/`orderBy`, `query`, `per_page`, `cursor`, `project`, `environment` and the
 * time window; one replay under the organization or a project; `DELETE` of its recordings;
 * who viewed it (`viewed-by/`).
 */
export function registerReplayRoutes(app: FastifyInstance, store: Store, clock: Clock, access: ReplayAccess): void {
  app.get('/api/0/organizations/:org/replays/', async (request: Req, reply) => {
    const s = await access.scope(request, false);
    const params = request.query as QueryParams;
    const window = parseWindow(params, clock.now());
    const requested = parseProjectIds(params);
    const projectIds = requested === null ? s.projectIds : s.projectIds.filter((id) => requested.includes(id));
    const match = parseReplayQuery(firstParam(request, 'query') ?? '');
    const compare = parseReplaySort(firstParam(request, 'sort') ?? firstParam(request, 'orderBy'));
    const fields = allParams(request, 'field');
    const page = readPage(request);
    const rows = await store.replays.list({
      projectIds,
      start: window.start * 1000,
      end: window.end * 1000,
      environments: allParams(request, 'environment').filter((e) => e !== ''),
      limit: MAX_REPLAYS_SCANNED,
    });
    const viewed = await store.replays.viewedBy(requirePrincipal(request).user.id, projectIds);
    const selected = rows
      .filter((r) => !r.isArchived)
      .map((r) => ({ ...replayJson(r), has_viewed: viewed.has(`${r.projectId}:${r.replayId}`) }))
      .filter(match)
      .sort(compare);
    return { data: paginate(request, reply, selected, page).map((r) => pickFields(r, fields)) };
  });

  for (const path of ['/api/0/organizations/:org/replays/:replayId/', '/api/0/projects/:org/:project/replays/:replayId/']) {
    app.get(path, async (request: Req) => {
      const s = await access.scope(request, false);
      const replay = await access.replay(s, request.params.replayId);
      const viewers = await store.replays.viewers(replay.projectId, replay.replayId);
      const json = { ...replayJson(replay), has_viewed: viewers.includes(requirePrincipal(request).user.id) };
      return { data: pickFields(json, allParams(request, 'field')) };
    });
  }

  // Sentry's viewed-by: the replay page marks the replay viewed by the signed-in user; the list's
  // and details' `has_viewed` is the caller's own (docs/replays.md › Viewed).
  app.get('/api/0/projects/:org/:project/replays/:replayId/viewed-by/', async (request: Req) => {
    const s = await access.scope(request, false);
    const replay = await access.replay(s, request.params.replayId);
    const users = await Promise.all((await store.replays.viewers(replay.projectId, replay.replayId)).map((id) => store.users.byId(id)));
    return { data: { id: replay.replayId, viewed_by: users.flatMap((u) => (u === undefined ? [] : [userJson(u)])) } };
  });

  app.post('/api/0/projects/:org/:project/replays/:replayId/viewed-by/', async (request: Req, reply) => {
    // Marking a replay viewed changes only the caller's own state: the read scopes suffice.
    const s = await access.scope(request, false);
    const replay = await access.replay(s, request.params.replayId);
    await store.replays.markViewed(replay.projectId, replay.replayId, requirePrincipal(request).user.id, clock.now());
    reply.code(204);
    return null;
  });

  app.delete('/api/0/projects/:org/:project/replays/:replayId/', async (request: Req, reply) => {
    const s = await access.scope(request, true);
    const replay = await access.replay(s, request.params.replayId);
    if (!(await store.replays.archive(replay.projectId, replay.replayId, clock.now()))) fail('not_found', 'Replay not found');
    reply.code(202);
    return null;
  });
}
