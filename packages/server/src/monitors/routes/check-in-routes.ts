import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allParams, readPage, setOffsetLink } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import { parseWindow, type QueryParams } from '../../performance/index.js';
import type { Store } from '../../store/index.js';
import { checkInJson } from '../read/monitor-json.js';
import { alignedWindow, parseStatsRequest } from '../read/monitor-stats.js';
import { checkInView } from '../read/monitor-views.js';
import type { MonitorAccess, MonitorParams } from './monitor-access.js';

type Req = FastifyRequest<{ Params: MonitorParams }>;

/** One overview page's worth: the list shows at most 100 monitors. */
const MAX_OVERVIEW_MONITORS = 100;

/**
 * A monitor's check-ins, newest first (Sentry API reference, Crons: "Retrieve Check-Ins for a
 * Monitor"; the window `statsPeriod`/`start`/`end` filters on `dateCreated`, 90 days by
 * default), and its stats timeline ("Retrieve Monitor Stats"), both also under the project path.
 * The MCP server's `get_monitor_details` reads both. `monitors-stats/` is the timeline of many
 * monitors at once (Sentry's crons overview): `{"<monitor id>": [buckets]}`.
 */
export function registerCheckInRoutes(app: FastifyInstance, store: Store, clock: Clock, access: MonitorAccess): void {
  for (const base of ['/api/0/organizations/:org/monitors/:slug/', '/api/0/projects/:org/:project/monitors/:slug/']) {
    app.get(`${base}checkins/`, async (request: Req, reply) => {
      const s = await access.scope(request, false);
      const m = await access.monitor(s, request.params.slug as string);
      const window = parseWindow(request.query as QueryParams, clock.now());
      const environments = allParams(request, 'environment').filter((e) => e !== '');
      const page = readPage(request);
      const rows = await store.monitorCheckIns.list({
        monitorId: m.id,
        environments: environments.length === 0 ? undefined : environments,
        start: window.start * 1000,
        end: window.end * 1000,
        limit: page.limit + 1,
        offset: page.offset,
      });
      setOffsetLink(request, reply, page.offset, page.limit, rows.length > page.limit);
      return rows.slice(0, page.limit).map((c) => checkInJson(checkInView(c)));
    });

    app.get(`${base}stats/`, async (request: Req) => {
      const s = await access.scope(request, false);
      const m = await access.monitor(s, request.params.slug as string);
      const window = alignedWindow(parseStatsRequest(request.query as QueryParams, clock.now()));
      const environments = allParams(request, 'environment').filter((e) => e !== '');
      return store.monitorCheckIns.stats({ monitorId: m.id, environments: environments.length === 0 ? undefined : environments, ...window });
    });
  }

  app.get('/api/0/organizations/:org/monitors-stats/', async (request: Req) => {
    const s = await access.scope(request, false);
    const ids = [...new Set(allParams(request, 'monitor').filter((m) => m !== ''))];
    if (ids.length > MAX_OVERVIEW_MONITORS) fail('validation_failed', `monitor: at most ${MAX_OVERVIEW_MONITORS} monitors per request`);
    const window = alignedWindow(parseStatsRequest(request.query as QueryParams, clock.now()));
    const environments = allParams(request, 'environment').filter((e) => e !== '');
    const out: Record<string, unknown> = {};
    for (const id of ids) {
      // Ids of monitors that are not this organization's are left out, as Sentry does.
      const m = /^[0-9a-f]{32}$/.test(id) ? await store.monitors.getByGuid(s.access.org.id, id) : undefined;
      if (m === undefined) continue;
      out[m.guid] = await store.monitorCheckIns.stats({ monitorId: m.id, environments: environments.length === 0 ? undefined : environments, ...window });
    }
    return out;
  });
}
