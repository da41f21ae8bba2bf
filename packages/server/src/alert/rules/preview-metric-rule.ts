import { type EvaluationState, nextMetricState, type Transition } from '../evaluation/metric-state.js';
import { ACTION } from './issue-rule.js';
import { type MetricCatalogue, type MetricRuleDraft, type MetricState, parseMetricRuleDraft } from './metric-rule.js';
import type { Fields, Parsed } from './rule-fields.js';

/**
 * Validates a metric rule body as create does (same 400s, same field names). Name and
 * actions do not change what the rule measures, so a draft being edited may leave them out.
 */
export function parsePreviewMetricRule(body: Fields, projectId: number, catalogue: MetricCatalogue): Parsed<MetricRuleDraft> {
  const actions = Array.isArray(body.actions) && body.actions.length > 0 ? body.actions : [{ id: ACTION.channel, channel: '1' }];
  return parseMetricRuleDraft({ ...body, name: 'preview', actions }, projectId, catalogue);
}

export interface MetricPreviewPoint {
  /** evaluation time, ms */
  at: number;
  value: number | null;
  state: MetricState;
  transition: Transition | null;
}

/**
 * Steps the rule's state machine (the one the scheduled evaluation runs) through past
 * evaluation times, measuring the window that ended at each: the series a chart draws and
 * the moments the rule would have opened, changed or resolved an incident.
 */
export async function replayMetricRule(
  rule: MetricRuleDraft,
  times: readonly number[],
  measure: (start: number, end: number) => Promise<number | null>,
): Promise<MetricPreviewPoint[]> {
  let state: EvaluationState = { state: 'ok', warningSince: null, criticalSince: null };
  const out: MetricPreviewPoint[] = [];
  for (const at of times) {
    const value = await measure(at - rule.timeWindowMs, at);
    const step = nextMetricState(rule, state, value, at);
    state = step.next;
    out.push({ at, value, state: state.state, transition: step.transition });
  }
  return out;
}
