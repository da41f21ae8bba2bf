/** The /api/0/ alert JSON shapes (docs/alerts.md), as the UI reads them. */

export type MatchMode = 'all' | 'any' | 'none';

export interface RuleEntry {
  readonly id: string;
  readonly name?: string;
  readonly [field: string]: unknown;
}

export interface IssueRuleJson {
  id: string;
  name: string;
  conditions: RuleEntry[];
  filters: RuleEntry[];
  actions: RuleEntry[];
  actionMatch: MatchMode;
  filterMatch: MatchMode;
  frequency: number;
  environment: string | null;
  status: 'active' | 'disabled';
  snoozed: boolean;
  snoozeUntil: string | null;
  silenced: boolean;
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
  projects: string[];
  dateCreated: string;
  dateModified: string;
}

export interface MetricRuleJson {
  id: string;
  name: string;
  projects: string[];
  metric: string;
  metricLabel: string;
  query: string;
  environment: string | null;
  timeWindow: number;
  comparisonDelta: number | null;
  thresholdType: 'above' | 'below';
  criticalThreshold: number;
  warningThreshold: number | null;
  resolveThreshold: number | null;
  sustainFor: number;
  actions: RuleEntry[];
  status: 'active' | 'disabled';
  runbookUrl: string | null;
  triageNotes: string | null;
  state: { status: 'ok' | 'warning' | 'critical'; lastValue: number | null; lastEvaluated: string | null; activeIncident: string | null };
  dateCreated: string;
  dateModified: string;
}

export interface MetricJson {
  key: string;
  label: string;
  unit: string;
  needsBaseline: boolean;
}

export type ChannelType = 'slack' | 'email' | 'webhook' | 'discord' | 'teams' | 'pagerduty';

export interface ChannelJson {
  id: string;
  name: string;
  type: ChannelType;
  config: Record<string, unknown>;
  dateCreated: string;
  dateModified: string;
}

export interface DeliveryJson {
  id: string;
  channel: { type: string; id: string | null };
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  dateSent: string | null;
  nextAttempt: string | null;
}

export interface FiringJson {
  id: string;
  dateFired: string;
  severity: string;
  status: string;
  title: string;
  reason: string;
  issue: { id: string; shortId: string; title: string } | null;
  incident: string | null;
  deliveries: DeliveryJson[];
}

export interface PreviewIssueJson {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  firstSeen: string;
  lastSeen: string;
  matchedEvents: number;
  firings: number;
  firstFired: string | null;
  lastFired: string | null;
  reasons: string[];
}

export interface PreviewJson {
  window: { start: string; end: string; days: number };
  eventsExamined: number;
  truncated: boolean;
  firings: number;
  issueCount: number;
  issues: PreviewIssueJson[];
}

export interface MetricPreviewJson {
  window: { start: string; end: string; hours: number };
  stepMinutes: number;
  metric: { key: string; label: string; unit: string };
  firings: number;
  points: { at: string; value: number | null; state: 'ok' | 'warning' | 'critical' }[];
  transitions: { at: string; value: number | null; type: 'opened' | 'severity_changed' | 'resolved'; severity?: string; from?: string; to?: string }[];
}
