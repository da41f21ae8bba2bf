import { type Clock, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { FiringRecord } from '../store/alert-firings.js';
import { checkActionTargets } from './action-targets.js';
import type { IssueRule } from './issue-rule.js';
import { type IssueRuleDraft, parseIssueRuleDraft } from './parse-issue-rule.js';
import type { Fields } from './rule-fields.js';
import { issueRuleFields, issueRuleFromRecord } from './rule-records.js';

/**
 * Managing a project's issue rules (what the API calls): validation, action targets
 * checked against the organization, and the local rule cache dropped on every change.
 */
export function createIssueRuleService(deps: { store: Store; clock: Clock; invalidate(projectId: number): void }) {
  const { store, clock } = deps;
  const repo = store.alerts.issueRules;

  async function load(projectId: number, ruleId: number): Promise<IssueRule> {
    const record = await repo.byId(ruleId);
    if (!record || record.projectId !== projectId) fail('not_found', 'Alert rule not found');
    const rule = issueRuleFromRecord(record);
    if (!rule.ok) fail('internal', rule.reason);
    return rule.value;
  }

  async function validated(orgId: number, body: Fields, base?: IssueRuleDraft): Promise<IssueRuleDraft> {
    const draft = parseIssueRuleDraft(body, base);
    if (!draft.ok) fail('validation_failed', draft.reason);
    const targets = await checkActionTargets(store, orgId, draft.value.actions);
    if (!targets.ok) fail('validation_failed', targets.reason);
    return draft.value;
  }

  return {
    async list(projectId: number): Promise<IssueRule[]> {
      const out: IssueRule[] = [];
      for (const record of await repo.list(projectId)) {
        const rule = issueRuleFromRecord(record);
        if (rule.ok) out.push(rule.value);
      }
      return out;
    },
    get: load,
    async create(project: { id: number; orgId: number }, body: Fields, userId: number | null): Promise<IssueRule> {
      const draft = await validated(project.orgId, body);
      const record = await repo.create(project.id, issueRuleFields(draft), userId);
      deps.invalidate(project.id);
      return load(project.id, record.id);
    },
    async update(project: { id: number; orgId: number }, ruleId: number, body: Fields): Promise<IssueRule> {
      const current = await load(project.id, ruleId);
      const draft = await validated(project.orgId, body, current);
      await repo.update(ruleId, issueRuleFields(draft));
      deps.invalidate(project.id);
      return load(project.id, ruleId);
    },
    async remove(projectId: number, ruleId: number): Promise<void> {
      await load(projectId, ruleId);
      await repo.remove(ruleId);
      deps.invalidate(projectId);
    },
    /**
     * Snoozes a rule: `until` (ms) silences it until then; no `until` mutes it until
     * unsnoozed. `null` wakes it up again.
     */
    async snooze(projectId: number, ruleId: number, snooze: { until: number | null } | null): Promise<IssueRule> {
      await load(projectId, ruleId);
      if (snooze !== null && snooze.until !== null && snooze.until <= clock.now()) fail('validation_failed', 'until must be in the future');
      await repo.setSnooze(ruleId, snooze !== null && snooze.until === null, snooze?.until ?? null);
      deps.invalidate(projectId);
      return load(projectId, ruleId);
    },
    async history(projectId: number, ruleId: number, limit: number, offset: number): Promise<FiringRecord[]> {
      await load(projectId, ruleId);
      return store.alerts.firings.history({ issueRuleId: ruleId }, limit, offset);
    },
  };
}

export type IssueRuleService = ReturnType<typeof createIssueRuleService>;
