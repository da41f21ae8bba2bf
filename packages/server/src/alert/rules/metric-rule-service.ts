import { fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { FiringRecord } from '../store/alert-firings.js';
import type { IncidentActivityRecord, IncidentRecord } from '../store/metric-alert-rules.js';
import { checkActionTargets } from './action-targets.js';
import { type MetricCatalogue, type MetricRuleDraft, parseMetricRuleDraft } from './metric-rule.js';
import type { Fields } from './rule-fields.js';
import { type MetricRule, metricRuleFields, metricRuleFromRecord } from './rule-records.js';

/** Managing an organization's metric rules; each watches one of its projects. */
export function createMetricRuleService(deps: { store: Store; catalogue: MetricCatalogue }) {
  const { store, catalogue } = deps;
  const repo = store.alerts.metricRules;

  async function load(orgId: number, ruleId: number): Promise<MetricRule> {
    const record = await repo.byId(ruleId);
    if (!record || record.orgId !== orgId) fail('not_found', 'Alert rule not found');
    const rule = metricRuleFromRecord(record, catalogue);
    if (!rule.ok) fail('internal', rule.reason);
    return rule.value;
  }

  /** `project` (slug or id) or Sentry's `projects: [slug]`; must be a project of the organization. */
  async function projectOf(orgId: number, body: Fields, fallback?: number): Promise<number> {
    const raw = body.project ?? (Array.isArray(body.projects) ? body.projects[0] : undefined);
    if (raw === undefined) {
      if (fallback !== undefined) return fallback;
      fail('validation_failed', 'project is required (a project slug)');
    }
    const text = String(raw);
    const project = /^\d+$/.test(text) ? await store.projects.byId(Number(text)) : await store.projects.bySlug(orgId, text);
    if (!project || project.orgId !== orgId) fail('validation_failed', `project ${JSON.stringify(text)} does not exist`);
    return project.id;
  }

  async function validated(orgId: number, body: Fields, base?: MetricRuleDraft): Promise<MetricRuleDraft> {
    const projectId = await projectOf(orgId, body, base?.projectId);
    const draft = parseMetricRuleDraft(body, projectId, catalogue, base);
    if (!draft.ok) fail('validation_failed', draft.reason);
    const targets = await checkActionTargets(store, orgId, draft.value.actions);
    if (!targets.ok) fail('validation_failed', targets.reason);
    return draft.value;
  }

  return {
    async list(orgId: number): Promise<MetricRule[]> {
      const out: MetricRule[] = [];
      for (const record of await repo.list(orgId)) {
        const rule = metricRuleFromRecord(record, catalogue);
        if (rule.ok) out.push(rule.value);
      }
      return out;
    },
    get: load,
    async create(orgId: number, body: Fields, userId: number | null): Promise<MetricRule> {
      const record = await repo.create(orgId, metricRuleFields(await validated(orgId, body)), userId);
      return load(orgId, record.id);
    },
    async update(orgId: number, ruleId: number, body: Fields): Promise<MetricRule> {
      const current = await load(orgId, ruleId);
      await repo.update(ruleId, metricRuleFields(await validated(orgId, body, current)));
      return load(orgId, ruleId);
    },
    async remove(orgId: number, ruleId: number): Promise<void> {
      await load(orgId, ruleId);
      await repo.remove(ruleId);
    },
    async incidents(orgId: number, ruleIds: readonly number[] | null): Promise<IncidentRecord[]> {
      const ids = ruleIds ?? (await repo.list(orgId)).map((r) => r.id);
      for (const id of ruleIds ?? []) await load(orgId, id);
      return repo.incidents(ids);
    },
    async incident(orgId: number, incidentId: number): Promise<{ incident: IncidentRecord; activity: IncidentActivityRecord[]; rule: MetricRule }> {
      const incident = await repo.incidentById(incidentId);
      if (!incident) fail('not_found', 'Incident not found');
      const rule = await load(orgId, incident.ruleId).catch(() => fail('not_found', 'Incident not found'));
      return { incident, activity: await repo.incidentActivity(incidentId), rule };
    },
    async history(orgId: number, ruleId: number, limit: number, offset: number): Promise<FiringRecord[]> {
      await load(orgId, ruleId);
      return store.alerts.firings.history({ metricRuleId: ruleId }, limit, offset);
    },
  };
}

export type MetricRuleService = ReturnType<typeof createMetricRuleService>;
