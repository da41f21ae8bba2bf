import { inflateSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { firstParam, setOffsetLink } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { ReplayAccess, ReplayParams } from './replay-access.js';

type Req = FastifyRequest<{ Params: ReplayParams }>;

const DEFAULT_PER_PAGE = 100;
const MAX_PER_PAGE = 100;

/**
 * A replay's recording segments (Sentry API reference, "Replays" › recording segments):
 * metadata by default; with `download` (any value) one JSON array whose elements are the
 * segments' rrweb event arrays, a page of segments at a time; one segment's events at
 * `…/recording-segments/{segmentId}/`. Stored segments are zlib; they are inflated here.
 */
export function registerSegmentRoutes(app: FastifyInstance, store: Store, access: ReplayAccess): void {
  const base = '/api/0/projects/:org/:project/replays/:replayId/recording-segments/';

  app.get(base, async (request: Req, reply) => {
    const s = await access.scope(request, false);
    const replay = await access.replay(s, request.params.replayId);
    const { offset, limit } = readSegmentPage(request);
    if (firstParam(request, 'download') === undefined) {
      const rows = await store.replays.segments(replay.projectId, replay.replayId, offset, limit + 1);
      setOffsetLink(request, reply, offset, limit, rows.length > limit);
      return {
        data: rows.slice(0, limit).map((r) => ({
          replayId: replay.replayId,
          segmentId: r.segmentId,
          projectId: String(replay.projectId),
          dateAdded: new Date(r.receivedAt).toISOString(),
        })),
      };
    }
    const rows = await store.replays.recordings(replay.projectId, replay.replayId, offset, limit + 1);
    setOffsetLink(request, reply, offset, limit, rows.length > limit);
    return sendJson(
      reply,
      `[${rows
        .slice(0, limit)
        .map((r) => inflate(r.recording))
        .join(',')}]`,
    );
  });

  app.get(`${base}:segmentId/`, async (request: Req, reply) => {
    const s = await access.scope(request, false);
    const replay = await access.replay(s, request.params.replayId);
    const raw = request.params.segmentId ?? '';
    if (!/^\d{1,7}$/.test(raw)) fail('not_found', 'Segment not found');
    const segmentId = Number(raw);
    const found = await store.replays.recording(replay.projectId, replay.replayId, segmentId);
    if (found === undefined) fail('not_found', 'Segment not found');
    if (firstParam(request, 'download') === undefined) {
      return { data: { replayId: replay.replayId, segmentId, projectId: String(replay.projectId), dateAdded: new Date(found.receivedAt).toISOString() } };
    }
    return sendJson(reply, inflate(found.recording));
  });
}

function readSegmentPage(request: FastifyRequest): { offset: number; limit: number } {
  const cursor = firstParam(request, 'cursor') ?? '';
  const parts = cursor.split(':');
  const offset = parts.length === 3 && /^\d{1,9}$/.test(parts[1] ?? '') ? Number(parts[1]) : 0;
  const perPage = Number(firstParam(request, 'per_page') ?? DEFAULT_PER_PAGE);
  const limit = Number.isInteger(perPage) && perPage > 0 ? Math.min(perPage, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  return { offset, limit };
}

/** Stored segments were produced or validated by the pipeline: zlib of a JSON array. */
function inflate(bytes: Uint8Array): string {
  return inflateSync(bytes).toString('utf8');
}

function sendJson(reply: FastifyReply, body: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}
