import type { MetricRuleJson } from './alert-types.js';
import { ACTION } from './rule-ids.js';

/** The metric rule editor's state and its mappings to and from the API (docs/alerts.md, "Metric alerts"). */
export interface MetricRuleForm {
  name: string;
  project: string;
  metric: string;
  query: string;
  environment: string;
  /** minutes */
  timeWindow: string;
  /** minutes, for metrics compared with a baseline */
  comparisonDelta: string;
  thresholdType: 'above' | 'below';
  criticalThreshold: string;
  warningThreshold: string;
  resolveThreshold: string;
  /** minutes */
  sustainFor: string;
  channels: string[];
  /** e-mail actions kept as they were: the editor shows them but edits channels */
  otherActions: Record<string, unknown>[];
  runbookUrl: string;
  triageNotes: string;
  status: 'active' | 'disabled';
}

export function emptyMetricRuleForm(project: string): MetricRuleForm {
  return {
    name: '',
    project,
    metric: 'error_count',
    query: '',
    environment: '',
    timeWindow: '10',
    comparisonDelta: '10080',
    thresholdType: 'above',
    criticalThreshold: '',
    warningThreshold: '',
    resolveThreshold: '',
    sustainFor: '0',
    channels: [],
    otherActions: [],
    runbookUrl: '',
    triageNotes: '',
    status: 'active',
  };
}

const text = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function metricRuleFormFromJson(rule: MetricRuleJson): MetricRuleForm {
  return {
    name: rule.name,
    project: rule.projects[0] ?? '',
    metric: rule.metric,
    query: rule.query,
    environment: rule.environment ?? '',
    timeWindow: text(rule.timeWindow),
    comparisonDelta: text(rule.comparisonDelta ?? 10080),
    thresholdType: rule.thresholdType,
    criticalThreshold: text(rule.criticalThreshold),
    warningThreshold: text(rule.warningThreshold),
    resolveThreshold: text(rule.resolveThreshold),
    sustainFor: text(rule.sustainFor),
    channels: rule.actions.filter((a) => a.id === ACTION.channel).map((a) => String(a.channel)),
    otherActions: rule.actions.filter((a) => a.id !== ACTION.channel).map(({ name: _name, ...rest }) => rest),
    runbookUrl: rule.runbookUrl ?? '',
    triageNotes: rule.triageNotes ?? '',
    status: rule.status,
  };
}

/** Numbers as numbers; an empty optional threshold as null; anything else as typed for the server to name. */
function num(v: string): number | string | null {
  const t = v.trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

export function metricRuleBody(form: MetricRuleForm, needsBaseline: boolean): Record<string, unknown> {
  return {
    name: form.name.trim(),
    project: form.project,
    metric: form.metric,
    query: form.query.trim(),
    environment: form.environment.trim() === '' ? null : form.environment.trim(),
    timeWindow: num(form.timeWindow),
    ...(needsBaseline ? { comparisonDelta: num(form.comparisonDelta) } : {}),
    thresholdType: form.thresholdType,
    criticalThreshold: num(form.criticalThreshold),
    warningThreshold: num(form.warningThreshold),
    resolveThreshold: num(form.resolveThreshold),
    sustainFor: num(form.sustainFor) ?? 0,
    actions: [...form.channels.map((channel) => ({ id: ACTION.channel, channel })), ...form.otherActions],
    runbookUrl: form.runbookUrl.trim() === '' ? null : form.runbookUrl.trim(),
    triageNotes: form.triageNotes.trim() === '' ? null : form.triageNotes,
    status: form.status,
  };
}

/** What the metric preview needs: what is measured and the thresholds, not who is told. */
export function metricPreviewBody(form: MetricRuleForm, needsBaseline: boolean): Record<string, unknown> {
  const { name: _name, actions: _actions, runbookUrl: _runbook, triageNotes: _notes, status: _status, ...measured } = metricRuleBody(form, needsBaseline);
  return measured;
}
