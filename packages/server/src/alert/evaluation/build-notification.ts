import { formatDuration, type Notification, type Severity } from '../channels/notification.js';
import type { IssueRule } from '../rules/issue-rule.js';
import type { MetricSeverity } from '../rules/metric-rule.js';
import type { MetricRule } from '../rules/rule-records.js';
import type { AlertIssueFacts } from '../store/alert-queries.js';
import { formatShortId, issueRuleUrl, issueUrl, metricRuleUrl } from './alert-links.js';
import type { Transition } from './metric-state.js';
import type { ReleaseLookup } from './release-lookup.js';

/** Where a message is about: links are built from the public URL and the slugs. */
export interface MessageScope {
  publicUrl: string;
  org: { id: number; slug: string };
  project: { id: number; slug: string; name: string };
  releases: ReleaseLookup;
}

const recentDeploys = 3;

export async function releaseOf(scope: MessageScope, version: string | null): Promise<Notification['release']> {
  if (!version) return null;
  const deploys = await scope.releases.recentDeploys(scope.org.id, version);
  return { version, deploys: deploys.slice(0, recentDeploys) };
}

/** Issue levels map onto PagerDuty's severities, which Faultline uses throughout. */
export function severityOfLevel(level: string): Severity {
  if (level === 'fatal') return 'critical';
  if (level === 'error') return 'error';
  if (level === 'warning') return 'warning';
  return 'info';
}

export async function issueNotification(
  scope: MessageScope,
  rule: IssueRule,
  issue: AlertIssueFacts,
  event: { environment: string | null; release: string | null; level: string },
  reasons: readonly string[],
  now: number,
): Promise<Notification> {
  return {
    kind: 'issue',
    status: 'triggered',
    severity: severityOfLevel(event.level),
    title: issue.title,
    reason: `${reasons.join('; ')}.`,
    firedAt: now,
    startedAt: issue.firstSeen,
    organization: { slug: scope.org.slug },
    project: scope.project,
    environment: event.environment,
    rule: {
      id: rule.id,
      name: rule.name,
      url: issueRuleUrl(scope.publicUrl, scope.org.slug, scope.project.slug, rule.id),
      runbookUrl: rule.runbookUrl,
      triageNotes: rule.triageNotes,
    },
    link: { url: issueUrl(scope.publicUrl, scope.org.slug, issue.id), text: 'Open issue' },
    issue: {
      id: issue.id,
      shortId: formatShortId(scope.project.slug, issue.shortId),
      title: issue.title,
      culprit: issue.culprit,
      level: issue.level,
      firstSeen: issue.firstSeen,
      timesSeen: issue.timesSeen,
    },
    metric: null,
    usersAffected: issue.userCount,
    release: await releaseOf(scope, event.release),
    dedupKey: `faultline-issue-${rule.id}-${issue.id}`,
  };
}

function thresholdFor(rule: MetricRule, severity: MetricSeverity | 'resolved'): number {
  if (severity === 'critical') return rule.criticalThreshold;
  if (severity === 'warning') return rule.warningThreshold ?? rule.criticalThreshold;
  return rule.resolveThreshold ?? rule.warningThreshold ?? rule.criticalThreshold;
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Synchronous (the release is read beforehand) because it is built inside the transaction that opens the incident. */
export function metricNotification(
  scope: MessageScope,
  rule: MetricRule,
  metric: { key: string; label: string },
  transition: Transition,
  value: number,
  incident: { id: number; startedAt: number },
  release: Notification['release'],
  now: number,
  /** the metric's own context (MetricSource.context), appended to the reason */
  note: string | null = null,
): Notification {
  const severity: MetricSeverity =
    transition.type === 'opened' ? transition.severity : transition.type === 'severity_changed' ? transition.to : transition.from;
  const level = transition.type === 'resolved' ? 'resolved' : severity;
  const threshold = thresholdFor(rule, level);
  const window = formatDuration(rule.timeWindowMs);
  const side = transition.type === 'resolved' ? (rule.thresholdType === 'above' ? 'below' : 'above') : rule.thresholdType;
  const held = rule.sustainMs > 0 && transition.type !== 'resolved' ? ` for ${formatDuration(rule.sustainMs)}` : '';
  const what = `${metric.label} was ${round(value)} over the last ${window}, ${side} the ${transition.type === 'resolved' ? 'resolve' : severity} threshold of ${round(threshold)}${held}`;
  const sentence =
    transition.type === 'severity_changed'
      ? `${what} (${transition.to === 'critical' ? 'escalated' : 'lowered'} from ${transition.from} to ${transition.to}).`
      : `${what}.`;
  const reason = note ? `${sentence} ${note}` : sentence;
  return {
    kind: 'metric',
    status: transition.type === 'opened' ? 'triggered' : transition.type,
    severity,
    title: rule.name,
    reason,
    firedAt: now,
    startedAt: incident.startedAt,
    organization: { slug: scope.org.slug },
    project: scope.project,
    environment: rule.environment,
    rule: {
      id: rule.id,
      name: rule.name,
      url: metricRuleUrl(scope.publicUrl, scope.org.slug, rule.id),
      runbookUrl: rule.runbookUrl,
      triageNotes: rule.triageNotes,
    },
    link: { url: `${metricRuleUrl(scope.publicUrl, scope.org.slug, rule.id)}?alert=${incident.id}`, text: 'Open metric chart' },
    issue: null,
    metric: { key: metric.key, label: metric.label, value, threshold, thresholdType: rule.thresholdType, windowMs: rule.timeWindowMs },
    usersAffected: null,
    release,
    dedupKey: `faultline-metric-${rule.id}-${incident.id}`,
  };
}
