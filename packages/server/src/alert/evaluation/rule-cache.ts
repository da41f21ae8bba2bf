import type { Clock, Logger } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { IssueRule } from '../rules/issue-rule.js';
import { issueRuleFromRecord } from '../rules/rule-records.js';

export interface RuleCache {
  /** The project's enabled issue rules (snoozed ones included: silence is checked at evaluation time). */
  forProject(projectId: number): Promise<IssueRule[]>;
  /** This process changed the project's rules: drop the cached copy now. */
  invalidate(projectId: number): void;
}

/**
 * Issue rules per project, cached for `ttlMs` so evaluating a batch costs no rule reads.
 * Changes made through another server process apply within the TTL.
 */
export function createRuleCache(deps: { store: Store; clock: Clock; logger: Logger; ttlMs: number }): RuleCache {
  const cache = new Map<number, { at: number; rules: Promise<IssueRule[]> }>();

  async function load(projectId: number): Promise<IssueRule[]> {
    const out: IssueRule[] = [];
    for (const record of await deps.store.alerts.issueRules.list(projectId)) {
      if (record.status !== 'active') continue;
      const rule = issueRuleFromRecord(record);
      if (rule.ok) out.push(rule.value);
      else deps.logger.error({ ruleId: record.id, reason: rule.reason }, 'issue alert rule skipped');
    }
    return out;
  }

  return {
    forProject(projectId) {
      const now = deps.clock.now();
      const hit = cache.get(projectId);
      if (hit && now - hit.at < deps.ttlMs && now >= hit.at) return hit.rules;
      const rules = load(projectId);
      cache.set(projectId, { at: now, rules });
      rules.catch(() => cache.delete(projectId));
      return rules;
    },
    invalidate(projectId) {
      cache.delete(projectId);
    },
  };
}
