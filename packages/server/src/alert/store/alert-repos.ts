import type { RepoContext } from '../../store/index.js';
import { createScheduledTaskRepo } from '../../store/index.js';
import { createAlertFiringRepo } from './alert-firings.js';
import { createAlertOutboxRepo } from './alert-outbox.js';
import { createAlertQueryRepo } from './alert-queries.js';
import { createIssueRuleRepo } from './alert-rules.js';
import { createMetricRuleRepo } from './metric-alert-rules.js';
import { createNotificationChannelRepo } from './notification-channels.js';

/** Alerting's repositories, grouped so the store gains one member (`store.alerts`). */
export function createAlertRepos(ctx: RepoContext) {
  return {
    issueRules: createIssueRuleRepo(ctx),
    metricRules: createMetricRuleRepo(ctx),
    channels: createNotificationChannelRepo(ctx),
    firings: createAlertFiringRepo(ctx),
    outbox: createAlertOutboxRepo(ctx),
    scheduledTasks: createScheduledTaskRepo(ctx),
    queries: createAlertQueryRepo(ctx),
  };
}

export type AlertRepos = ReturnType<typeof createAlertRepos>;
