import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { monitorJson } from '../read/monitor-json.js';
import { monitorViews } from '../read/monitor-views.js';
import type { MonitorRecord } from '../store/monitor-records.js';
import type { MonitorAccess, MonitorParams } from './monitor-access.js';

/** At most one page of the list at once. */
const MAX_IDS = 100;

/**
 * Sentry's bulk edit of monitors (`PUT /organizations/{org}/monitors/` with
 * `{"ids": [...], "isMuted"|"status"}`; Sentry API reference, Crons): mutes, unmutes, enables or
 * disables several monitors of the list at once. Every id must be one of the organization's
 * monitors, or nothing changes (400). Answers `{"updated": [monitor…], "errored": []}`.
 */
export function registerMonitorBulkRoutes(app: FastifyInstance, store: Store, access: MonitorAccess): void {
  app.put('/api/0/organizations/:org/monitors/', async (request: FastifyRequest<{ Params: MonitorParams }>) => {
    const s = await access.scope(request, true);
    const orgId = s.access.org.id;
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) fail('validation_failed', 'Expected a JSON object body');
    const { ids, isMuted, status } = body as Record<string, unknown>;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > MAX_IDS ||
      !ids.every((id) => typeof id === 'string' && /^[0-9a-f]{32}$/.test(id.replaceAll('-', '')))
    )
      fail('validation_failed', `ids: 1 to ${MAX_IDS} monitor ids (32 hex characters)`);
    if (isMuted !== undefined && typeof isMuted !== 'boolean') fail('validation_failed', 'isMuted: Must be a valid boolean.');
    if (status !== undefined && status !== 'active' && status !== 'disabled') fail('validation_failed', 'status: must be "active" or "disabled"');
    if (isMuted === undefined && status === undefined) fail('validation_failed', 'Send isMuted or status to change');
    const monitors: MonitorRecord[] = [];
    for (const id of new Set((ids as string[]).map((i) => i.replaceAll('-', '')))) {
      const m = await store.monitors.getByGuid(orgId, id);
      if (m === undefined || (s.projectId !== null && m.projectId !== s.projectId))
        fail('validation_failed', 'ids: Not all ids are valid for this organization');
      monitors.push(m);
    }
    const updated: MonitorRecord[] = [];
    for (const m of monitors) {
      const u = await store.monitors.update(orgId, m.id, { isMuted: isMuted as boolean | undefined, status: status as 'active' | 'disabled' | undefined });
      if (u !== undefined) updated.push(u);
    }
    return { updated: (await monitorViews(store, orgId, updated)).map(monitorJson), errored: [] };
  });
}
