/**
 * alert — issue and metric alert rules, their evaluation, notification channels (Slack,
 * e-mail, webhook, Discord, Teams, PagerDuty) and durable delivery through an outbox.
 * Issue rules are evaluated from the processing pipeline's post-process seam; metric
 * rules by a task it hands to the one leased scheduler (jobs/), run once across processes.
 * Owns the alerting tables (`store/`), the rule JSON (`read/`, with the recent events a rule
 * preview replays) and the rule, channel and preview routes (`routes/`). Must not import
 * process/ or api/: the issues' search compiler and the release lookup are passed in by app.ts.
 */
export { type Alerting, type AlertingDeps, createAlerting, METRIC_TASK } from './alerting.js';
export { CHANNEL_TYPES, type ChannelConfig, type ChannelType, publicChannelConfig } from './channels/channel-config.js';
export type { ChannelService, ChannelView } from './channels/channel-service.js';
export { createSmtpMailer, type Mailer } from './channels/email/smtp-mailer.js';
export type { Notification, Severity } from './channels/notification.js';
export { signWebhookBody, verifyWebhookSignature } from './channels/webhook/webhook-signature.js';
export type { IssueEventSummary } from './evaluation/issue-conditions.js';
export { alertIssueSearch } from './evaluation/issue-search.js';
export type { IssueSearchCompiler, MetricContext, MetricInput, MetricSource } from './evaluation/metric-sources.js';
export type { ReleaseLookup } from './evaluation/release-lookup.js';
export { storeReleaseLookup } from './evaluation/store-release-lookup.js';
export { type AlertApiDeps, registerAlertApi } from './routes/index.js';
export { createDefaultIssueRule, defaultIssueRule } from './rules/default-rule.js';
export { describeAction, describeCondition, describeFilter } from './rules/describe-rule.js';
export { ACTION, CONDITION, FILTER, type IssueRule, isSilenced, type RuleAction } from './rules/issue-rule.js';
export type { IssueRuleService } from './rules/issue-rule-service.js';
export type { MetricRuleService } from './rules/metric-rule-service.js';
export { type IssuePreview, type PreviewRule, parsePreviewRule, type ReplayEvent, type ReplayIssue, replayIssueRule } from './rules/preview-issue-rule.js';
export { type MetricPreviewPoint, parsePreviewMetricRule, replayMetricRule } from './rules/preview-metric-rule.js';
export type { MetricRule } from './rules/rule-records.js';
export { alertRepositories } from './store/repositories.js';
