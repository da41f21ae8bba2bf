import { publicChannelConfig } from '../channels/channel-config.js';
import type { ChannelView } from '../channels/channel-service.js';
import { describeAction, describeCondition, describeFilter } from '../rules/describe-rule.js';
import { type IssueRule, isSilenced } from '../rules/issue-rule.js';
import type { MetricRule } from '../rules/rule-records.js';
import type { FiringRecord } from '../store/alert-firings.js';
import type { IncidentActivityRecord, IncidentRecord } from '../store/metric-alert-rules.js';

/** Alert JSON in Sentry's shapes where Sentry has one (ids are strings, dates RFC 3339). */
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minute = 60_000;

export function issueRuleJson(rule: IssueRule, projectSlug: string, now: number) {
  return {
    id: String(rule.id),
    name: rule.name,
    conditions: rule.conditions.map((c) => ({ ...c, name: describeCondition(c) })),
    filters: rule.filters.map((f) => ({ ...f, name: describeFilter(f) })),
    actions: rule.actions.map((a) => ({ ...a, name: describeAction(a) })),
    actionMatch: rule.actionMatch,
    filterMatch: rule.filterMatch,
    frequency: rule.frequencyMinutes,
    environment: rule.environment,
    status: rule.status,
    snoozed: rule.muted || (rule.snoozeUntil !== null && rule.snoozeUntil > now),
    snoozeUntil: rule.muted ? null : iso(rule.snoozeUntil !== null && rule.snoozeUntil > now ? rule.snoozeUntil : null),
    silenced: isSilenced(rule, now),
    owner: rule.owner,
    runbookUrl: rule.runbookUrl,
    triageNotes: rule.triageNotes,
    projects: [projectSlug],
    createdBy: rule.createdBy === null ? null : { id: String(rule.createdBy) },
    dateCreated: iso(rule.createdAt),
    dateModified: iso(rule.updatedAt),
  };
}

/**
 * An issue rule as a workflow of Sentry's workflow engine (`/organizations/{org}/workflows/`, what
 * the MCP server's find_alert_rules reads; docs/alerts.md › API): the rule's conditions are its
 * triggers, its filters and actions one action filter, and it is attached to one detector — the
 * project's issue stream, named by the project's id.
 */
export function issueRuleWorkflowJson(rule: IssueRule, project: { id: number; slug: string }, now: number) {
  const json = issueRuleJson(rule, project.slug, now);
  return {
    ...json,
    enabled: rule.status === 'active',
    config: { frequency: rule.frequencyMinutes },
    triggers: { logicType: rule.actionMatch, conditions: json.conditions },
    actionFilters: [{ logicType: rule.filterMatch, conditions: json.filters, actions: json.actions }],
    detectorIds: [String(project.id)],
    dateUpdated: json.dateModified,
    lastTriggered: null,
  };
}

export function metricRuleJson(rule: MetricRule, projectSlug: string, label: string | undefined) {
  return {
    id: String(rule.id),
    name: rule.name,
    projects: [projectSlug],
    metric: rule.metric,
    metricLabel: label ?? rule.metric,
    query: rule.query,
    environment: rule.environment,
    timeWindow: rule.timeWindowMs / minute,
    comparisonDelta: rule.comparisonDeltaMs === null ? null : rule.comparisonDeltaMs / minute,
    thresholdType: rule.thresholdType,
    criticalThreshold: rule.criticalThreshold,
    warningThreshold: rule.warningThreshold,
    resolveThreshold: rule.resolveThreshold,
    sustainFor: rule.sustainMs / minute,
    actions: rule.actions.map((a) => ({ ...a, name: describeAction(a) })),
    status: rule.status,
    owner: rule.owner,
    runbookUrl: rule.runbookUrl,
    triageNotes: rule.triageNotes,
    state: {
      status: rule.state,
      lastValue: rule.lastValue,
      lastEvaluated: iso(rule.lastEvaluatedAt),
      activeIncident: rule.activeIncidentId === null ? null : String(rule.activeIncidentId),
    },
    createdBy: rule.createdBy === null ? null : { id: String(rule.createdBy) },
    dateCreated: iso(rule.createdAt),
    dateModified: iso(rule.updatedAt),
  };
}

export function incidentJson(incident: IncidentRecord, rule: { id: number; name: string }, activity?: IncidentActivityRecord[]) {
  return {
    id: String(incident.id),
    alertRule: { id: String(rule.id), name: rule.name },
    status: incident.status,
    severity: incident.severity,
    dateStarted: iso(incident.startedAt),
    dateClosed: iso(incident.resolvedAt),
    ...(activity
      ? { activities: activity.map((a) => ({ id: String(a.id), type: a.type, severity: a.severity, value: a.value, dateCreated: iso(a.at) })) }
      : {}),
  };
}

/** One firing with its deliveries: the rule's history page shows what was sent, what failed and why. */
export function firingJson(f: FiringRecord) {
  const n = (f.notification ?? {}) as { title?: string; reason?: string; status?: string; issue?: { id: number; shortId: string; title: string } | null };
  return {
    id: String(f.id),
    dateFired: iso(f.firedAt),
    severity: f.severity,
    status: n.status ?? 'triggered',
    title: n.title ?? '',
    reason: n.reason ?? '',
    issue: n.issue ? { id: String(n.issue.id), shortId: n.issue.shortId, title: n.issue.title } : null,
    incident: f.incidentId === null ? null : String(f.incidentId),
    deliveries: f.deliveries.map((d) => ({
      id: d.deliveryId,
      channel: { type: d.channelType, id: d.channelId === null ? null : String(d.channelId) },
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      dateSent: iso(d.sentAt),
      nextAttempt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    })),
  };
}

/** `reveal`: the full secrets, shown once when the channel is created. */
export function channelJson(view: ChannelView, reveal = false) {
  return {
    id: String(view.channel.id),
    name: view.channel.name,
    type: view.channel.type,
    config: publicChannelConfig(view.config, reveal),
    dateCreated: iso(view.channel.createdAt),
    dateModified: iso(view.channel.updatedAt),
  };
}
