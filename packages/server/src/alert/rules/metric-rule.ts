import type { RuleAction } from './issue-rule.js';
import { parseAction } from './parse-issue-rule.js';
import { type Fields, field, type Parsed, parseOwner, parseUrl } from './rule-fields.js';

export type ThresholdType = 'above' | 'below';
export type MetricSeverity = 'warning' | 'critical';
export type MetricState = 'ok' | MetricSeverity;

/** A metric alert rule's definition: a metric over a window compared with thresholds, sustained for a duration. */
export interface MetricRuleDraft {
  projectId: number;
  name: string;
  metric: string;
  query: string;
  environment: string | null;
  timeWindowMs: number;
  /** error_rate: how far back the baseline window lies */
  comparisonDeltaMs: number | null;
  thresholdType: ThresholdType;
  criticalThreshold: number;
  warningThreshold: number | null;
  /** null: resolve when the value no longer breaches the lowest alert threshold */
  resolveThreshold: number | null;
  sustainMs: number;
  actions: RuleAction[];
  status: 'active' | 'disabled';
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
}

/** What the parser needs to know about the metric sources (alert/evaluation registers them). */
export interface MetricCatalogue {
  has(metric: string): boolean;
  keys(): string[];
  needsBaseline(metric: string): boolean;
  checkQuery(metric: string, query: string): Parsed<string>;
}

const minuteMs = 60_000;

/**
 * Sentry's metric-alert spelling (Sentry API reference, "Create a Metric Alert Rule"):
 * `dataset` + `aggregate` name the metric that Faultline calls by key. Accepted instead of
 * `metric`; the performance keys are registered by performance/, the crash-free rates by
 * sessions/ (docs/alerts.md). Sentry's crash-rate alerts use dataset `metrics` (formerly
 * `sessions`) and `percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate`,
 * whose value Sentry evaluates as the crash-free percentage
 * (https://docs.sentry.io/product/alerts/alert-types/#crash-rate-alerts).
 */
const CRASH_RATE_AGGREGATES: Readonly<Record<string, string>> = {
  'percentage(sessions_crashed,sessions)AS_crash_rate_alert_aggregate': 'crash_free_session_rate',
  'percentage(users_crashed,users)AS_crash_rate_alert_aggregate': 'crash_free_user_rate',
  'percentage(sessions_crashed,sessions)': 'crash_free_session_rate',
  'percentage(users_crashed,users)': 'crash_free_user_rate',
  'crash_free_rate(session)': 'crash_free_session_rate',
  'crash_free_rate(user)': 'crash_free_user_rate',
};

const SENTRY_AGGREGATES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  events: { 'count()': 'error_count', 'count_unique(user)': 'users_with_errors', 'count_unique(tags[sentry:user])': 'users_with_errors' },
  transactions: {
    'p50(transaction.duration)': 'transaction_duration_p50',
    'p75(transaction.duration)': 'transaction_duration_p75',
    'p95(transaction.duration)': 'transaction_duration_p95',
    'p99(transaction.duration)': 'transaction_duration_p99',
    'avg(transaction.duration)': 'transaction_duration_avg',
    'failure_rate()': 'transaction_failure_rate',
    'http_response_rate(5)': 'transaction_5xx_rate',
    'count()': 'transaction_count',
    'apdex()': 'transaction_apdex',
    'apdex(300)': 'transaction_apdex',
  },
  sessions: CRASH_RATE_AGGREGATES,
  metrics: CRASH_RATE_AGGREGATES,
};

/** The metric key a body names, by `metric` or by Sentry's `dataset` + `aggregate`. */
function metricOf(body: Fields, base: MetricRuleDraft | undefined): Parsed<string | null> {
  if (body.aggregate === undefined || body.metric !== undefined) return field.string(body, 'metric', 64, base?.metric ?? null);
  if (typeof body.aggregate !== 'string') return { ok: false, reason: 'aggregate must be a string' };
  const dataset = body.dataset === undefined ? 'events' : body.dataset;
  const table = typeof dataset === 'string' ? SENTRY_AGGREGATES[dataset === 'generic_metrics' ? 'transactions' : dataset] : undefined;
  if (table === undefined) return { ok: false, reason: `dataset must be one of ${Object.keys(SENTRY_AGGREGATES).join(', ')}` };
  const key = table[body.aggregate.replaceAll(' ', '')];
  if (key === undefined)
    return { ok: false, reason: `aggregate ${body.aggregate} is not supported on dataset ${String(dataset)}; use one of ${Object.keys(table).join(', ')}` };
  return { ok: true, value: key };
}

/** Above: value > threshold breaches; below: value < threshold. */
export function breaches(type: ThresholdType, value: number, threshold: number): boolean {
  return type === 'above' ? value > threshold : value < threshold;
}

function thresholdType(raw: unknown, fallback: ThresholdType): Parsed<ThresholdType> {
  if (raw === undefined || raw === null) return { ok: true, value: fallback };
  // Sentry's API sends 0 (above) and 1 (below).
  if (raw === 'above' || raw === 0) return { ok: true, value: 'above' };
  if (raw === 'below' || raw === 1) return { ok: true, value: 'below' };
  return { ok: false, reason: 'thresholdType must be above or below' };
}

export function parseMetricRuleDraft(body: Fields, projectId: number, catalogue: MetricCatalogue, base?: MetricRuleDraft): Parsed<MetricRuleDraft> {
  const name = field.string(body, 'name', 256, base?.name);
  if (!name.ok) return name;
  if (name.value === null || name.value.trim() === '') return { ok: false, reason: 'name is required' };
  const metric = metricOf(body, base);
  if (!metric.ok) return metric;
  if (metric.value === null || !catalogue.has(metric.value)) return { ok: false, reason: `metric must be one of ${catalogue.keys().join(', ')}` };
  const rawQuery = field.string(body, 'query', 1000, base?.query ?? '');
  if (!rawQuery.ok) return rawQuery;
  const query = catalogue.checkQuery(metric.value, rawQuery.value ?? '');
  if (!query.ok) return { ok: false, reason: `query: ${query.reason}` };
  const environment = field.string(body, 'environment', 64, base?.environment ?? null);
  if (!environment.ok) return environment;
  const window = field.integer(body, 'timeWindow', 1, 1440, base ? base.timeWindowMs / minuteMs : 5);
  if (!window.ok) return window;
  const needsBaseline = catalogue.needsBaseline(metric.value);
  const delta = field.integer(body, 'comparisonDelta', 5, 43_200, base?.comparisonDeltaMs ? base.comparisonDeltaMs / minuteMs : 10_080);
  if (!delta.ok) return delta;
  const type = thresholdType(body.thresholdType, base?.thresholdType ?? 'above');
  if (!type.ok) return type;
  const critical = field.number(body, 'criticalThreshold', base?.criticalThreshold ?? null);
  if (!critical.ok) return critical;
  if (critical.value === null) return { ok: false, reason: 'criticalThreshold is required' };
  const warning = field.number(body, 'warningThreshold', base?.warningThreshold ?? null);
  if (!warning.ok) return warning;
  const resolve = field.number(body, 'resolveThreshold', base?.resolveThreshold ?? null);
  if (!resolve.ok) return resolve;
  const lowest = warning.value ?? critical.value;
  if (warning.value !== null && !breaches(type.value, critical.value, warning.value)) {
    return { ok: false, reason: `warningThreshold must be ${type.value === 'above' ? 'below' : 'above'} criticalThreshold` };
  }
  if (resolve.value !== null && breaches(type.value, resolve.value, lowest)) {
    return { ok: false, reason: `resolveThreshold must not be ${type.value} the ${warning.value === null ? 'critical' : 'warning'} threshold` };
  }
  const sustain = field.integer(body, 'sustainFor', 0, 1440, base ? base.sustainMs / minuteMs : 0);
  if (!sustain.ok) return sustain;
  const actions = parseActions(body.actions, base?.actions);
  if (!actions.ok) return actions;
  const status = field.oneOf(body, 'status', ['active', 'disabled'] as const, base?.status ?? 'active');
  if (!status.ok) return status;
  const owner = body.owner === undefined ? { ok: true as const, value: base?.owner ?? null } : parseOwner(body.owner);
  if (!owner.ok) return owner;
  const runbookUrl = body.runbookUrl === undefined ? { ok: true as const, value: base?.runbookUrl ?? null } : parseUrl(body.runbookUrl, 'runbookUrl');
  if (!runbookUrl.ok) return runbookUrl;
  const triageNotes = field.string(body, 'triageNotes', 4000, base?.triageNotes ?? null);
  if (!triageNotes.ok) return triageNotes;
  return {
    ok: true,
    value: {
      projectId,
      name: name.value.trim(),
      metric: metric.value,
      query: query.value,
      environment: environment.value === '' ? null : environment.value,
      timeWindowMs: window.value * minuteMs,
      comparisonDeltaMs: needsBaseline ? delta.value * minuteMs : null,
      thresholdType: type.value,
      criticalThreshold: critical.value,
      warningThreshold: warning.value,
      resolveThreshold: resolve.value,
      sustainMs: sustain.value * minuteMs,
      actions: actions.value,
      status: status.value,
      owner: owner.value,
      runbookUrl: runbookUrl.value,
      triageNotes: triageNotes.value === '' ? null : triageNotes.value,
    },
  };
}

function parseActions(raw: unknown, fallback: RuleAction[] | undefined): Parsed<RuleAction[]> {
  if (raw === undefined && fallback) return { ok: true, value: fallback };
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, reason: 'actions must be a list with at least one action' };
  if (raw.length > 20) return { ok: false, reason: 'actions may have at most 20 entries' };
  const out: RuleAction[] = [];
  for (const [i, item] of raw.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { ok: false, reason: `actions[${i}] must be an object` };
    const r = parseAction(item as Fields);
    if (!r.ok) return { ok: false, reason: `actions[${i}]: ${r.reason}` };
    out.push(r.value);
  }
  return { ok: true, value: out };
}
