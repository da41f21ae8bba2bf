import type { IssueRuleFields, IssueRuleRecord } from '../store/alert-rules.js';
import type { MetricRuleFields, MetricRuleRecord } from '../store/metric-alert-rules.js';
import type { IssueRule, RuleAction } from './issue-rule.js';
import type { MetricCatalogue, MetricRuleDraft, MetricState, ThresholdType } from './metric-rule.js';
import { type IssueRuleDraft, parseAction, parseIssueRuleDraft } from './parse-issue-rule.js';
import type { Fields, Parsed } from './rule-fields.js';

/** Stored rows are re-validated on read: a row the current code cannot understand is reported, never half-applied. */
export function issueRuleFromRecord(r: IssueRuleRecord): Parsed<IssueRule> {
  const draft = parseIssueRuleDraft({
    name: r.name,
    conditions: r.conditions,
    filters: r.filters,
    actions: r.actions,
    actionMatch: r.actionMatch,
    filterMatch: r.filterMatch,
    frequency: r.frequencyMinutes,
    environment: r.environment,
    status: r.status,
    owner: r.owner,
    runbookUrl: r.runbookUrl,
    triageNotes: r.triageNotes,
  });
  if (!draft.ok) return { ok: false, reason: `stored rule ${r.id} is invalid: ${draft.reason}` };
  return {
    ok: true,
    value: {
      ...draft.value,
      id: r.id,
      projectId: r.projectId,
      muted: r.muted,
      snoozeUntil: r.snoozeUntil,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    },
  };
}

export function issueRuleFields(d: IssueRuleDraft): IssueRuleFields {
  return { ...d };
}

export interface MetricRule extends MetricRuleDraft {
  id: number;
  orgId: number;
  state: MetricState;
  warningSince: number | null;
  criticalSince: number | null;
  activeIncidentId: number | null;
  lastValue: number | null;
  lastEvaluatedAt: number | null;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
}

function metricState(s: string): MetricState {
  return s === 'warning' || s === 'critical' ? s : 'ok';
}

/** Metric rules are read without the catalogue check: a source that disappeared is reported by the evaluator. */
export function metricRuleFromRecord(r: MetricRuleRecord, catalogue: MetricCatalogue): Parsed<MetricRule> {
  if (!catalogue.has(r.metric)) return { ok: false, reason: `metric rule ${r.id}: unknown metric "${r.metric}"` };
  const actions: RuleAction[] = [];
  for (const a of Array.isArray(r.actions) ? r.actions : []) {
    const parsed = parseAction((a ?? {}) as Fields);
    if (!parsed.ok) return { ok: false, reason: `metric rule ${r.id}: ${parsed.reason}` };
    actions.push(parsed.value);
  }
  return {
    ok: true,
    value: {
      id: r.id,
      orgId: r.orgId,
      projectId: r.projectId,
      name: r.name,
      metric: r.metric,
      query: r.query,
      environment: r.environment,
      timeWindowMs: r.timeWindowMs,
      comparisonDeltaMs: r.comparisonDeltaMs,
      thresholdType: (r.thresholdType === 'below' ? 'below' : 'above') as ThresholdType,
      criticalThreshold: r.criticalThreshold,
      warningThreshold: r.warningThreshold,
      resolveThreshold: r.resolveThreshold,
      sustainMs: r.sustainMs,
      actions,
      status: r.status === 'disabled' ? 'disabled' : 'active',
      owner: r.owner,
      runbookUrl: r.runbookUrl,
      triageNotes: r.triageNotes,
      state: metricState(r.state),
      warningSince: r.warningSince,
      criticalSince: r.criticalSince,
      activeIncidentId: r.activeIncidentId,
      lastValue: r.lastValue,
      lastEvaluatedAt: r.lastEvaluatedAt,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    },
  };
}

export function metricRuleFields(d: MetricRuleDraft): MetricRuleFields {
  return { ...d };
}
