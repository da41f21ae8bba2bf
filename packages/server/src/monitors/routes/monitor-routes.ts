import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allParams, paginate, readPage } from '../../http/index.js';
import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { MONITOR_CAP_PER_PROJECT } from '../monitor-cap.js';
import { type MonitorConfig, mergeMonitorConfig, parseMonitorConfig } from '../monitor-config.js';
import { monitorJson } from '../read/monitor-json.js';
import { parseListRequest, selectMonitors } from '../read/monitor-list.js';
import { monitorViews, ownerViews } from '../read/monitor-views.js';
import type { MonitorRecord } from '../store/monitor-records.js';
import type { MonitorAccess, MonitorParams, MonitorScope } from './monitor-access.js';
import { parseMonitorInput, slugFromName } from './monitor-input.js';

type Req = FastifyRequest<{ Params: MonitorParams }>;
type Query = Record<string, string | string[] | undefined>;

/**
 * Sentry's monitor endpoints (Sentry API reference, Crons): the organization's list (`GET`,
 * what `sentry-cli monitors list` and the MCP server's `find_monitors` read) and create
 * (`POST`), one monitor's detail, update and delete, and its environments' mute and removal;
 * the detail routes also under `/projects/{org}/{project}/monitors/` (the MCP server uses them
 * when it knows the project).
 */
export function registerMonitorRoutes(app: FastifyInstance, store: Store, access: MonitorAccess): void {
  const org = '/api/0/organizations/:org/monitors/';
  const detailPaths = ['/api/0/organizations/:org/monitors/:slug/', '/api/0/projects/:org/:project/monitors/:slug/'];

  app.get(org, async (request: Req, reply) => {
    const s = await access.scope(request, false);
    const projectIds = await requestedProjects(store, s, request.query as Query);
    const listRequest = parseListRequest(request.query as Query);
    const monitors = await store.monitors.list(s.access.org.id, projectIds === null ? {} : { projectIds });
    const views = await monitorViews(store, s.access.org.id, monitors);
    const selected = selectMonitors(views, listRequest);
    return paginate(request, reply, selected, readPage(request)).map(monitorJson);
  });

  app.post(org, async (request: Req, reply) => {
    const s = await access.scope(request, true);
    const orgId = s.access.org.id;
    const input = parseMonitorInput(request.body, true);
    const project = await projectIn(store, orgId, input.project as string);
    const slug = input.slug ?? slugFromName(input.name as string);
    await assertSlugFree(store, orgId, slug);
    await assertRoomIn(store, project.id);
    const parsed = parseMonitorConfig(input.config);
    if (!parsed.ok) fail('validation_failed', `config.${parsed.field}: ${parsed.reason}`);
    const config = await withOwner(store, orgId, parsed.config, input.owner);
    let created: MonitorRecord;
    try {
      created = await store.monitors.create({
        orgId,
        projectId: project.id,
        slug,
        name: input.name as string,
        status: input.status,
        isMuted: input.isMuted,
        config,
      });
    } catch (err) {
      // Two creates of one slug at once: the unique index refuses the second; answer as for a taken slug.
      await assertSlugFree(store, orgId, slug);
      throw err;
    }
    reply.code(201);
    return one(store, orgId, created);
  });

  for (const path of detailPaths) {
    app.get(path, async (request: Req) => {
      const s = await access.scope(request, false);
      const m = await access.monitor(s, request.params.slug as string);
      const environments = allParams(request, 'environment').filter((e) => e !== '');
      return one(store, s.access.org.id, m, environments.length === 0 ? undefined : environments);
    });

    app.put(path, async (request: Req) => {
      const s = await access.scope(request, true);
      const orgId = s.access.org.id;
      const m = await access.monitor(s, request.params.slug as string);
      const input = parseMonitorInput(request.body, false);
      let config = m.config;
      if (input.config !== undefined) {
        const merged = mergeMonitorConfig(m.config, input.config);
        if (!merged.ok) fail('validation_failed', `config.${merged.field}: ${merged.reason}`);
        config = merged.config;
      }
      config = await withOwner(store, orgId, config, input.owner);
      if (input.slug !== undefined && input.slug !== m.slug) await assertSlugFree(store, orgId, input.slug);
      let projectId: number | undefined;
      if (input.project !== undefined) {
        projectId = (await projectIn(store, orgId, input.project)).id;
        if (projectId !== m.projectId) await assertRoomIn(store, projectId);
      }
      const updated = await store.monitors.update(orgId, m.id, {
        projectId,
        slug: input.slug,
        name: input.name,
        status: input.status,
        isMuted: input.isMuted,
        config,
      });
      if (updated === undefined) fail('not_found', 'Monitor not found');
      return one(store, orgId, updated);
    });

    app.delete(path, async (request: Req, reply: FastifyReply) => {
      const s = await access.scope(request, true);
      const m = await access.monitor(s, request.params.slug as string);
      const environments = allParams(request, 'environment').filter((e) => e !== '');
      if (environments.length === 0) await store.monitors.remove(s.access.org.id, m.slug);
      else await removeEnvironments(store, s.access.org.id, m.slug, environments);
      return reply.code(204).send();
    });

    // One environment: `{"isMuted": true|false}` mutes it, DELETE removes it with its check-ins.
    app.put(`${path}environments/:environment/`, async (request: FastifyRequest<{ Params: MonitorParams & { environment: string } }>) => {
      const s = await access.scope(request, true);
      const m = await access.monitor(s, request.params.slug as string);
      const body = request.body;
      const muted = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).isMuted : undefined;
      if (typeof muted !== 'boolean') fail('validation_failed', 'isMuted: Must be a valid boolean.');
      if (!(await store.monitors.setEnvironmentMuted(s.access.org.id, m.slug, request.params.environment, muted)))
        fail('not_found', 'Monitor environment not found');
      return one(store, s.access.org.id, (await access.monitor(s, m.slug)) as MonitorRecord);
    });
    app.delete(
      `${path}environments/:environment/`,
      async (request: FastifyRequest<{ Params: MonitorParams & { environment: string } }>, reply: FastifyReply) => {
        const s = await access.scope(request, true);
        const m = await access.monitor(s, request.params.slug as string);
        await removeEnvironments(store, s.access.org.id, m.slug, [request.params.environment]);
        return reply.code(204).send();
      },
    );
  }
}

async function one(store: Store, orgId: number, m: MonitorRecord, environments?: readonly string[]) {
  const [view] = await monitorViews(store, orgId, [m], environments);
  if (view === undefined) fail('not_found', 'Monitor not found');
  return monitorJson(view);
}

async function removeEnvironments(store: Store, orgId: number, slug: string, environments: readonly string[]): Promise<void> {
  const known = new Set((await store.monitors.environments([(await store.monitors.get(orgId, slug))?.id ?? -1])).map((e) => e.environment));
  for (const e of environments) if (!known.has(e)) fail('not_found', `Monitor environment "${e.slice(0, 64)}" not found`);
  for (const e of environments) await store.monitors.removeEnvironment(orgId, slug, e);
}

/** `project` / `projectSlug` (repeatable; `-1` or none = every project), each checked to be the organization's. */
async function requestedProjects(store: Store, s: MonitorScope, query: Query): Promise<number[] | null> {
  if (s.projectId !== null) return [s.projectId];
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');
  const ids = list(query.project);
  const slugs = list(query.projectSlug);
  if ((ids.length === 0 || ids.includes('-1')) && slugs.length === 0) return null;
  const projects = await store.projects.list(s.access.org.id);
  const out: number[] = [];
  for (const id of ids.filter((i) => i !== '-1')) {
    const p = projects.find((x) => String(x.id) === id);
    if (p === undefined) fail('validation_failed', `project: no project with id "${id.slice(0, 20)}" in this organization`);
    out.push(p.id);
  }
  for (const slug of slugs) {
    const p = projects.find((x) => x.slug === slug);
    if (p === undefined) fail('validation_failed', `projectSlug: no project "${slug.slice(0, 64)}" in this organization`);
    out.push(p.id);
  }
  return out;
}

async function projectIn(store: Store, orgId: number, slugOrId: string): Promise<{ id: number }> {
  const p = /^\d+$/.test(slugOrId) ? await store.projects.byId(Number(slugOrId)) : await store.projects.bySlug(orgId, slugOrId);
  if (p === undefined || p.orgId !== orgId) fail('validation_failed', `project: no project "${slugOrId.slice(0, 64)}" in this organization`);
  return p;
}

async function assertSlugFree(store: Store, orgId: number, slug: string): Promise<void> {
  if ((await store.monitors.get(orgId, slug)) !== undefined) fail('validation_failed', `The slug "${slug}" is already in use.`);
}

async function assertRoomIn(store: Store, projectId: number): Promise<void> {
  if ((await store.monitors.countInProject(projectId)) >= MONITOR_CAP_PER_PROJECT)
    fail('validation_failed', `The project already has ${MONITOR_CAP_PER_PROJECT} monitors, the most one project may have (docs/crons.md)`);
}

/** A top-level `owner` replaces the config's; it must name a member or team of this organization. */
async function withOwner(store: Store, orgId: number, config: MonitorConfig, owner: string | null | undefined): Promise<MonitorConfig> {
  const next = owner === undefined ? config.owner : owner;
  if (next !== null && next !== config.owner) {
    if (!(await ownerViews(store, orgId, [next])).has(next)) fail('validation_failed', `owner: "${next}" is not a member or team of this organization`);
  }
  return next === config.owner ? config : { ...config, owner: next };
}
