import { breaches, type MetricRuleDraft, type MetricSeverity, type MetricState } from '../rules/metric-rule.js';

/** Where a metric rule stands between evaluations. */
export interface EvaluationState {
  state: MetricState;
  /** since when the warning (or critical) threshold has been breached at every evaluation; null = not breached */
  warningSince: number | null;
  criticalSince: number | null;
}

export type Transition =
  | { type: 'opened'; severity: MetricSeverity }
  | { type: 'severity_changed'; from: MetricSeverity; to: MetricSeverity }
  | { type: 'resolved'; from: MetricSeverity };

type Thresholds = Pick<MetricRuleDraft, 'thresholdType' | 'criticalThreshold' | 'warningThreshold' | 'resolveThreshold' | 'sustainMs'>;

/**
 * One evaluation of the metric state machine: ok → warning/critical once a threshold has
 * been breached for the whole sustain duration; warning ↔ critical as the sustained level
 * changes; → ok (resolved) as soon as the value is past the resolve threshold. Between the
 * resolve threshold and the alert thresholds the state holds, so a value hovering at a
 * threshold does not flap. Pure: the caller persists `next` and notifies on `transition`.
 */
export function nextMetricState(
  rule: Thresholds,
  prev: EvaluationState,
  value: number | null,
  now: number,
): { next: EvaluationState; transition: Transition | null } {
  // No data (a source that cannot answer) changes nothing: absence of data is not recovery.
  if (value === null) return { next: prev, transition: null };
  const type = rule.thresholdType;
  const critical = breaches(type, value, rule.criticalThreshold);
  const warning = critical || (rule.warningThreshold !== null && breaches(type, value, rule.warningThreshold));
  const criticalSince = critical ? (prev.criticalSince ?? now) : null;
  const warningSince = rule.warningThreshold !== null && warning ? (prev.warningSince ?? now) : null;
  const sustained = (since: number | null) => since !== null && now - since >= rule.sustainMs;
  const effective: MetricSeverity | null = sustained(criticalSince) ? 'critical' : sustained(warningSince) ? 'warning' : null;
  const base = { warningSince, criticalSince };

  if (prev.state === 'ok') {
    return effective
      ? { next: { ...base, state: effective }, transition: { type: 'opened', severity: effective } }
      : { next: { ...base, state: 'ok' }, transition: null };
  }
  if (isResolved(rule, value)) {
    return { next: { state: 'ok', warningSince: null, criticalSince: null }, transition: { type: 'resolved', from: prev.state } };
  }
  if (effective && effective !== prev.state) {
    return { next: { ...base, state: effective }, transition: { type: 'severity_changed', from: prev.state, to: effective } };
  }
  return { next: { ...base, state: prev.state }, transition: null };
}

/** Past the resolve threshold; without one, no longer breaching the lowest alert threshold. */
export function isResolved(rule: Thresholds, value: number): boolean {
  const lowest = rule.warningThreshold ?? rule.criticalThreshold;
  if (rule.resolveThreshold === null) return !breaches(rule.thresholdType, value, lowest);
  return rule.thresholdType === 'above' ? value < rule.resolveThreshold : value > rule.resolveThreshold;
}
