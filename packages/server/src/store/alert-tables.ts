import type { Generated } from 'kysely';

/**
 * Row types of the alerting tables (migration 0006). Kept beside schema.ts so the
 * alerting issue adds one file and a few lines to `Database`.
 */

/** A configured destination: Slack/Discord/Teams webhook, generic webhook, PagerDuty service, e-mail list. */
export interface NotificationChannelTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  /** slack | email | webhook | discord | teams | pagerduty */
  type: string;
  /** JSON, validated by the channel type */
  config: string;
  created_at: number;
  updated_at: number;
}

/** An issue alert rule (Sentry's "issue alert"). */
export interface AlertRuleTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  /** JSON lists in Sentry's rule shape */
  conditions: string;
  filters: string;
  actions: string;
  /** all | any | none */
  action_match: string;
  filter_match: string;
  /** the action interval: the same issue notifies at most once per this many minutes */
  frequency_minutes: number;
  environment: string | null;
  /** active | disabled */
  status: string;
  /** 1 = snoozed without an end */
  muted: Generated<number>;
  snooze_until: number | null;
  /** `user:ID` | `team:ID` */
  owner: string | null;
  runbook_url: string | null;
  triage_notes: string | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}

export interface AlertRuleIssueStateTable {
  rule_id: number;
  issue_id: number;
  last_fired_at: number;
}

/** A metric alert rule plus its evaluation state. */
export interface MetricAlertRuleTable {
  id: Generated<number>;
  org_id: number;
  project_id: number;
  name: string;
  metric: string;
  query: Generated<string>;
  environment: string | null;
  time_window_ms: number;
  comparison_delta_ms: number | null;
  /** above | below */
  threshold_type: string;
  critical_threshold: number;
  warning_threshold: number | null;
  resolve_threshold: number | null;
  sustain_ms: number;
  actions: string;
  status: string;
  owner: string | null;
  runbook_url: string | null;
  triage_notes: string | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  /** ok | warning | critical */
  state: Generated<string>;
  warning_since: number | null;
  critical_since: number | null;
  active_incident_id: number | null;
  last_value: number | null;
  last_evaluated_at: number | null;
}

export interface AlertIncidentTable {
  id: Generated<number>;
  rule_id: number;
  project_id: number;
  /** open | resolved */
  status: string;
  severity: string;
  started_at: number;
  resolved_at: number | null;
}

export interface AlertIncidentActivityTable {
  id: Generated<number>;
  incident_id: number;
  /** opened | severity_changed | resolved */
  type: string;
  severity: string;
  value: number;
  at: number;
}

export interface AlertFiringTable {
  id: Generated<number>;
  /** unique: the same firing inserted twice (two processes, a retry) is one row */
  dedup_key: string;
  /** issue | metric */
  kind: string;
  project_id: number;
  rule_id: number | null;
  metric_rule_id: number | null;
  issue_id: number | null;
  incident_id: number | null;
  severity: string;
  fired_at: number;
  /** JSON: the channel-neutral notification */
  notification: string;
}

export interface AlertOutboxTable {
  id: Generated<number>;
  firing_id: number;
  /** stable across retries; sent as X-Faultline-Delivery */
  delivery_id: string;
  channel_type: string;
  channel_id: number | null;
  /** JSON: delivery target details (e-mail recipients, PagerDuty event action) */
  payload: string;
  /** pending | sending | sent | failed */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  sent_at: number | null;
  created_at: number;
}

export interface ScheduledTaskTable {
  name: string;
  next_run_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_started_at: number | null;
  last_finished_at: number | null;
  last_error: string | null;
}

export interface AlertTables {
  notification_channels: NotificationChannelTable;
  alert_rules: AlertRuleTable;
  alert_rule_issue_state: AlertRuleIssueStateTable;
  metric_alert_rules: MetricAlertRuleTable;
  alert_incidents: AlertIncidentTable;
  alert_incident_activity: AlertIncidentActivityTable;
  alert_firings: AlertFiringTable;
  alert_outbox: AlertOutboxTable;
  scheduled_tasks: ScheduledTaskTable;
}
