import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { allParams, firstParam, jsonObject, paginate, readPage } from '../../http/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { Alerting } from '../alerting.js';
import { channelJson, firingJson, incidentJson, issueRuleJson, issueRuleWorkflowJson, metricRuleJson } from '../read/alert-json.js';
import { registerAlertPreviewRoutes } from './alert-preview-routes.js';

type ProjectParams = { org: string; project: string };
type RuleParams = ProjectParams & { rule: string };
type OrgParams = { org: string };
type OrgItemParams = OrgParams & { id: string };

function idParam(raw: string, what: string): number {
  if (!/^\d{1,12}$/.test(raw)) fail('not_found', `${what} not found`);
  return Number(raw);
}

/** Reads a page of a store-paginated list: one row more than the page tells whether there is a next. */
function storePage(request: FastifyRequest): { offset: number; limit: number; fetch: number } {
  const page = readPage(request, 50, 100);
  const offset = Math.min(page.offset, 10_000);
  return { offset, limit: page.limit, fetch: offset + page.limit + 1 };
}

/** The text a workflow search looks for in names: `name:"*text*"` as the MCP server sends it, or the query itself. */
function workflowNameNeedle(query: string): string {
  const quoted = query.startsWith('name:"') && query.endsWith('"') ? query.slice(6, -1) : query.startsWith('name:') ? query.slice(5) : query;
  // Trimmed by index, not by a regex: a run of stars in user input costs linear time.
  let from = 0;
  let to = quoted.length;
  while (from < to && quoted[from] === '*') from++;
  while (to > from && quoted[to - 1] === '*') to--;
  return quoted.slice(from, to).replaceAll('\\"', '"').trim().toLowerCase();
}

/** `{until: ISO date}` or `{minutes: N}` snoozes until then; an empty body mutes until unsnoozed. */
function readSnooze(body: Record<string, unknown>, now: number): { until: number | null } {
  if (body.until !== undefined && body.until !== null) {
    const t = typeof body.until === 'string' ? Date.parse(body.until) : Number.NaN;
    if (!Number.isFinite(t)) fail('validation_failed', 'until must be an ISO 8601 date');
    return { until: t };
  }
  if (body.minutes !== undefined && body.minutes !== null) {
    const m = body.minutes;
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 525_600) fail('validation_failed', 'minutes must be a whole number between 1 and 525600');
    return { until: now + m * 60_000 };
  }
  return { until: null };
}

/**
 * /api/0/ alerting: issue rules per project (Sentry's `/projects/{org}/{project}/rules/`),
 * metric rules and incidents per organization, and notification channels with a
 * "send test notification" action. Reads need project:read, changes project:write.
 */
export function registerAlertRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store; alerting: Alerting; clock: Clock }): void {
  const { auth, store, alerting, clock } = deps;
  registerAlertPreviewRoutes(app, { auth, store, clock, alerting });
  const project = (request: FastifyRequest<{ Params: ProjectParams }>, scope: 'project:read' | 'project:write') =>
    auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, scope);
  const org = (request: FastifyRequest<{ Params: OrgParams }>, scope: 'project:read' | 'project:write') =>
    auth.orgAccess(requirePrincipal(request), request.params.org, scope);

  // ---- issue rules ----------------------------------------------------------
  app.get<{ Params: ProjectParams }>('/api/0/projects/:org/:project/rules/', async (request, reply) => {
    const { project: p } = await project(request, 'project:read');
    const now = clock.now();
    const rules = (await alerting.issueRules.list(p.id)).map((r) => issueRuleJson(r, p.slug, now));
    return paginate(request, reply, rules, readPage(request));
  });
  // Issue rules as Sentry's workflow engine lists them: `projectSlug` (repeatable), `id`
  // (repeatable), `query=name:"*text*"` or plain text on the name, newest first.
  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/workflows/', async (request, reply) => {
    const { org: o } = await org(request, 'project:read');
    const slugs = new Set(allParams(request, 'projectSlug'));
    const ids = new Set(allParams(request, 'id'));
    const needle = workflowNameNeedle(firstParam(request, 'query') ?? '');
    const now = clock.now();
    const rows = [];
    for (const p of await store.projects.list(o.id)) {
      if (slugs.size > 0 && !slugs.has(p.slug)) continue;
      for (const r of await alerting.issueRules.list(p.id)) {
        if (ids.size > 0 && !ids.has(String(r.id))) continue;
        if (needle !== '' && !r.name.toLowerCase().includes(needle)) continue;
        rows.push(issueRuleWorkflowJson(r, p, now));
      }
    }
    rows.sort((a, b) => Number(b.id) - Number(a.id));
    return paginate(request, reply, rows, readPage(request));
  });
  app.post<{ Params: ProjectParams }>('/api/0/projects/:org/:project/rules/', async (request, reply) => {
    const { project: p } = await project(request, 'project:write');
    const rule = await alerting.issueRules.create(p, jsonObject(request.body), requirePrincipal(request).user.id);
    return reply.code(201).send(issueRuleJson(rule, p.slug, clock.now()));
  });
  app.get<{ Params: RuleParams }>('/api/0/projects/:org/:project/rules/:rule/', async (request) => {
    const { project: p } = await project(request, 'project:read');
    return issueRuleJson(await alerting.issueRules.get(p.id, idParam(request.params.rule, 'Alert rule')), p.slug, clock.now());
  });
  app.put<{ Params: RuleParams }>('/api/0/projects/:org/:project/rules/:rule/', async (request) => {
    const { project: p } = await project(request, 'project:write');
    const rule = await alerting.issueRules.update(p, idParam(request.params.rule, 'Alert rule'), jsonObject(request.body));
    return issueRuleJson(rule, p.slug, clock.now());
  });
  app.delete<{ Params: RuleParams }>('/api/0/projects/:org/:project/rules/:rule/', async (request, reply) => {
    const { project: p } = await project(request, 'project:write');
    await alerting.issueRules.remove(p.id, idParam(request.params.rule, 'Alert rule'));
    return reply.code(204).send();
  });
  app.post<{ Params: RuleParams }>('/api/0/projects/:org/:project/rules/:rule/snooze/', async (request) => {
    const { project: p } = await project(request, 'project:write');
    const rule = await alerting.issueRules.snooze(p.id, idParam(request.params.rule, 'Alert rule'), readSnooze(jsonObject(request.body), clock.now()));
    return issueRuleJson(rule, p.slug, clock.now());
  });
  app.delete<{ Params: RuleParams }>('/api/0/projects/:org/:project/rules/:rule/snooze/', async (request) => {
    const { project: p } = await project(request, 'project:write');
    const rule = await alerting.issueRules.snooze(p.id, idParam(request.params.rule, 'Alert rule'), null);
    return issueRuleJson(rule, p.slug, clock.now());
  });
  app.get<{ Params: RuleParams }>('/api/0/projects/:org/:project/rules/:rule/history/', async (request, reply) => {
    const { project: p } = await project(request, 'project:read');
    const page = storePage(request);
    const firings = await alerting.issueRules.history(p.id, idParam(request.params.rule, 'Alert rule'), page.fetch, 0);
    return paginate(request, reply, firings.map(firingJson), page);
  });

  // ---- metric rules and incidents ---------------------------------------------
  async function slugs(orgId: number): Promise<Map<number, string>> {
    return new Map((await store.projects.list(orgId)).map((p) => [p.id, p.slug]));
  }
  const metricJson = (rule: Awaited<ReturnType<Alerting['metricRules']['get']>>, projects: Map<number, string>) =>
    metricRuleJson(rule, projects.get(rule.projectId) ?? String(rule.projectId), alerting.metrics.get(rule.metric)?.label);

  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/alert-rules/', async (request, reply) => {
    const { org: o } = await org(request, 'project:read');
    const projects = await slugs(o.id);
    const rules = (await alerting.metricRules.list(o.id)).map((r) => metricJson(r, projects));
    return paginate(request, reply, rules, readPage(request));
  });
  // Sentry's combined list of issue rules (`type: "rule"`) and metric rules (`type: "alert_rule"`):
  // `alertType` (repeatable) picks the kinds, `name` searches names, `project` (ids) narrows.
  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/combined-rules/', async (request, reply) => {
    const { org: o } = await org(request, 'project:read');
    const kinds = new Set(allParams(request, 'alertType'));
    const wanted = new Set(allParams(request, 'project'));
    const needle = (firstParam(request, 'name') ?? '').trim().toLowerCase();
    const named = (name: string) => needle === '' || name.toLowerCase().includes(needle);
    const projects = (await store.projects.list(o.id)).filter((p) => wanted.size === 0 || wanted.has(String(p.id)));
    const now = clock.now();
    const rows: Record<string, unknown>[] = [];
    if (kinds.size === 0 || kinds.has('rule')) {
      for (const p of projects)
        for (const r of await alerting.issueRules.list(p.id)) if (named(r.name)) rows.push({ ...issueRuleJson(r, p.slug, now), type: 'rule' });
    }
    if (kinds.size === 0 || kinds.has('alert_rule')) {
      const slugsById = new Map(projects.map((p) => [p.id, p.slug]));
      for (const r of await alerting.metricRules.list(o.id))
        if (slugsById.has(r.projectId) && named(r.name)) rows.push({ ...metricJson(r, slugsById), type: 'alert_rule' });
    }
    rows.sort((a, b) => String(b.dateCreated).localeCompare(String(a.dateCreated)));
    return paginate(request, reply, rows, readPage(request));
  });
  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/alert-rules/metrics/', async (request) => {
    await org(request, 'project:read');
    return alerting.metrics.keys().map((key) => {
      const s = alerting.metrics.get(key);
      return { key, label: s?.label ?? key, unit: s?.unit ?? 'events', needsBaseline: s?.needsBaseline ?? false };
    });
  });
  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/alert-rules/', async (request, reply) => {
    const { org: o } = await org(request, 'project:write');
    const rule = await alerting.metricRules.create(o.id, jsonObject(request.body), requirePrincipal(request).user.id);
    return reply.code(201).send(metricJson(rule, await slugs(o.id)));
  });
  app.get<{ Params: OrgItemParams }>('/api/0/organizations/:org/alert-rules/:id/', async (request) => {
    const { org: o } = await org(request, 'project:read');
    return metricJson(await alerting.metricRules.get(o.id, idParam(request.params.id, 'Alert rule')), await slugs(o.id));
  });
  app.put<{ Params: OrgItemParams }>('/api/0/organizations/:org/alert-rules/:id/', async (request) => {
    const { org: o } = await org(request, 'project:write');
    const rule = await alerting.metricRules.update(o.id, idParam(request.params.id, 'Alert rule'), jsonObject(request.body));
    return metricJson(rule, await slugs(o.id));
  });
  app.delete<{ Params: OrgItemParams }>('/api/0/organizations/:org/alert-rules/:id/', async (request, reply) => {
    const { org: o } = await org(request, 'project:write');
    await alerting.metricRules.remove(o.id, idParam(request.params.id, 'Alert rule'));
    return reply.code(204).send();
  });
  app.get<{ Params: OrgItemParams }>('/api/0/organizations/:org/alert-rules/:id/history/', async (request, reply) => {
    const { org: o } = await org(request, 'project:read');
    const page = storePage(request);
    const firings = await alerting.metricRules.history(o.id, idParam(request.params.id, 'Alert rule'), page.fetch, 0);
    return paginate(request, reply, firings.map(firingJson), page);
  });
  app.get<{ Params: OrgParams; Querystring: { alertRule?: string } }>('/api/0/organizations/:org/incidents/', async (request, reply) => {
    const { org: o } = await org(request, 'project:read');
    const ruleId = request.query.alertRule;
    const rules = new Map((await alerting.metricRules.list(o.id)).map((r) => [r.id, r]));
    const incidents = await alerting.metricRules.incidents(o.id, ruleId === undefined ? null : [idParam(ruleId, 'Alert rule')]);
    const out = incidents.map((i) => incidentJson(i, rules.get(i.ruleId) ?? { id: i.ruleId, name: '' }));
    return paginate(request, reply, out, readPage(request));
  });
  app.get<{ Params: OrgItemParams }>('/api/0/organizations/:org/incidents/:id/', async (request) => {
    const { org: o } = await org(request, 'project:read');
    const { incident, activity, rule } = await alerting.metricRules.incident(o.id, idParam(request.params.id, 'Incident'));
    return incidentJson(incident, rule, activity);
  });

  // ---- notification channels ---------------------------------------------------
  app.get<{ Params: OrgParams }>('/api/0/organizations/:org/notification-channels/', async (request, reply) => {
    const { org: o } = await org(request, 'project:read');
    return paginate(
      request,
      reply,
      (await alerting.channels.list(o.id)).map((c) => channelJson(c)),
      readPage(request),
    );
  });
  app.post<{ Params: OrgParams }>('/api/0/organizations/:org/notification-channels/', async (request, reply) => {
    const { org: o } = await org(request, 'project:write');
    return reply.code(201).send(channelJson(await alerting.channels.create(o.id, jsonObject(request.body)), true));
  });
  app.get<{ Params: OrgItemParams }>('/api/0/organizations/:org/notification-channels/:id/', async (request) => {
    const { org: o } = await org(request, 'project:read');
    return channelJson(await alerting.channels.get(o.id, idParam(request.params.id, 'Notification channel')));
  });
  app.put<{ Params: OrgItemParams }>('/api/0/organizations/:org/notification-channels/:id/', async (request) => {
    const { org: o } = await org(request, 'project:write');
    return channelJson(await alerting.channels.update(o.id, idParam(request.params.id, 'Notification channel'), jsonObject(request.body)));
  });
  app.delete<{ Params: OrgItemParams }>('/api/0/organizations/:org/notification-channels/:id/', async (request, reply) => {
    const { org: o } = await org(request, 'project:write');
    await alerting.channels.remove(o.id, idParam(request.params.id, 'Notification channel'));
    return reply.code(204).send();
  });
  app.post<{ Params: OrgItemParams }>('/api/0/organizations/:org/notification-channels/:id/test/', async (request) => {
    const { org: o } = await org(request, 'project:write');
    return alerting.channels.test(o, idParam(request.params.id, 'Notification channel'));
  });
}
