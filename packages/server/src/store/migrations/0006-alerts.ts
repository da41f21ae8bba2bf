import type { Migration } from './migration.js';

/**
 * Alerting (issue #7): issue rules and metric rules, their firings, the durable
 * delivery outbox, notification channels and the lease table behind scheduled
 * work that must run once across several server processes.
 */
export const alerts: Migration = {
  name: '0006_alerts',
  async up(db, d) {
    const big = d.bigIntType;
    const real = 'double precision';

    await db.schema
      .createTable('notification_channels')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      // slack | email | webhook | discord | teams | pagerduty
      .addColumn('type', 'text', (c) => c.notNull())
      // JSON, validated by the channel type (webhook URL, routing key, secret, recipients)
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notification_channels_org').on('notification_channels').column('org_id').execute();

    // Issue rules: conditions/filters/actions are JSON lists in Sentry's rule shape.
    await db.schema
      .createTable('alert_rules')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('conditions', 'text', (c) => c.notNull())
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('actions', 'text', (c) => c.notNull())
      .addColumn('action_match', 'text', (c) => c.notNull())
      .addColumn('filter_match', 'text', (c) => c.notNull())
      .addColumn('frequency_minutes', 'integer', (c) => c.notNull())
      .addColumn('environment', 'text')
      // active | disabled
      .addColumn('status', 'text', (c) => c.notNull())
      // snoozed without an end (muted) or until snooze_until
      .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('snooze_until', big)
      // `user:ID` | `team:ID`
      .addColumn('owner', 'text')
      .addColumn('runbook_url', 'text')
      .addColumn('triage_notes', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alert_rules_project').on('alert_rules').column('project_id').execute();

    // The action interval: one row per (rule, issue), advanced by a compare-and-set so two processes cannot both fire.
    await db.schema
      .createTable('alert_rule_issue_state')
      .addColumn('rule_id', 'integer', (c) => c.notNull().references('alert_rules.id').onDelete('cascade'))
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
      .addColumn('last_fired_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_rule_issue_state_pk', ['rule_id', 'issue_id'])
      .execute();

    await db.schema
      .createTable('metric_alert_rules')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      // a metric source key: error_count | error_rate | users_with_errors | issue_search_count | …
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('environment', 'text')
      .addColumn('time_window_ms', big, (c) => c.notNull())
      .addColumn('comparison_delta_ms', big)
      // above | below
      .addColumn('threshold_type', 'text', (c) => c.notNull())
      .addColumn('critical_threshold', real, (c) => c.notNull())
      .addColumn('warning_threshold', real)
      .addColumn('resolve_threshold', real)
      .addColumn('sustain_ms', big, (c) => c.notNull())
      .addColumn('actions', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('runbook_url', 'text')
      .addColumn('triage_notes', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      // evaluation state: ok | warning | critical, and since when each threshold has been breached without a break
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('ok'))
      .addColumn('warning_since', big)
      .addColumn('critical_since', big)
      .addColumn('active_incident_id', 'integer')
      .addColumn('last_value', real)
      .addColumn('last_evaluated_at', big)
      .execute();
    await db.schema.createIndex('metric_alert_rules_org').on('metric_alert_rules').column('org_id').execute();

    await db.schema
      .createTable('alert_incidents')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('rule_id', 'integer', (c) => c.notNull().references('metric_alert_rules.id').onDelete('cascade'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      // open | resolved
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('started_at', big, (c) => c.notNull())
      .addColumn('resolved_at', big)
      .execute();
    await db.schema.createIndex('alert_incidents_rule').on('alert_incidents').columns(['rule_id', 'id']).execute();

    await db.schema
      .createTable('alert_incident_activity')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('incident_id', 'integer', (c) => c.notNull().references('alert_incidents.id').onDelete('cascade'))
      // opened | severity_changed | resolved
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('value', real, (c) => c.notNull())
      .addColumn('at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alert_incident_activity_incident').on('alert_incident_activity').columns(['incident_id', 'id']).execute();

    // One row per firing; dedup_key is what makes a firing happen once across processes.
    await db.schema
      .createTable('alert_firings')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
      // issue | metric
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('rule_id', 'integer', (c) => c.references('alert_rules.id').onDelete('cascade'))
      .addColumn('metric_rule_id', 'integer', (c) => c.references('metric_alert_rules.id').onDelete('cascade'))
      .addColumn('issue_id', 'integer', (c) => c.references('issues.id').onDelete('set null'))
      .addColumn('incident_id', 'integer', (c) => c.references('alert_incidents.id').onDelete('set null'))
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('fired_at', big, (c) => c.notNull())
      // JSON: the channel-neutral notification (what fired and why, links, release, runbook)
      .addColumn('notification', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alert_firings_rule').on('alert_firings').columns(['rule_id', 'id']).execute();
    await db.schema.createIndex('alert_firings_metric_rule').on('alert_firings').columns(['metric_rule_id', 'id']).execute();

    // The delivery outbox: written in the firing's transaction, drained by workers holding a lease per row.
    await db.schema
      .createTable('alert_outbox')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('firing_id', 'integer', (c) => c.notNull().references('alert_firings.id').onDelete('cascade'))
      // unique per row and stable across retries: receivers dedupe on it (X-Faultline-Delivery)
      .addColumn('delivery_id', 'text', (c) => c.notNull().unique())
      .addColumn('channel_type', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'integer', (c) => c.references('notification_channels.id').onDelete('set null'))
      // JSON: {target, eventAction}: e-mail recipients resolved at firing time, PagerDuty trigger/resolve
      .addColumn('payload', 'text', (c) => c.notNull())
      // pending | sending | sent | failed
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big, (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', big)
      .addColumn('last_error', 'text')
      .addColumn('sent_at', big)
      .addColumn('created_at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alert_outbox_due').on('alert_outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('alert_outbox_firing').on('alert_outbox').column('firing_id').execute();

    // Periodic work that must run once per period across all server processes.
    await db.schema
      .createTable('scheduled_tasks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('next_run_at', big, (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', big)
      .addColumn('last_started_at', big)
      .addColumn('last_finished_at', big)
      .addColumn('last_error', 'text')
      .execute();
  },
};
