import type { Config } from '../config/index.js';
import type { ScheduledTask } from '../jobs/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { createChannelService } from './channels/channel-service.js';
import { createSmtpMailer, type Mailer } from './channels/email/smtp-mailer.js';
import { createOutboundPolicy } from './channels/outbound-policy.js';
import { sendNotification } from './channels/send-notification.js';
import type { IssueEventSummary } from './evaluation/issue-conditions.js';
import { createIssueEvaluator } from './evaluation/issue-evaluator.js';
import { messageScope } from './evaluation/message-scope.js';
import { createMetricEvaluator } from './evaluation/metric-evaluator.js';
import { builtinMetricSources, type IssueSearchCompiler, type MetricSource, metricCatalogue } from './evaluation/metric-sources.js';
import type { ReleaseLookup } from './evaluation/release-lookup.js';
import { createRuleCache } from './evaluation/rule-cache.js';
import { storeReleaseLookup } from './evaluation/store-release-lookup.js';
import { createDeliveryWorker } from './outbox/delivery-worker.js';
import { createIssueRuleService } from './rules/issue-rule-service.js';
import { createMetricRuleService } from './rules/metric-rule-service.js';

export interface AlertingDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** base of the links in messages */
  publicUrl: string;
  /** default: the release tables */
  releases?: ReleaseLookup;
  /** enables the issue_search_count metric */
  issueSearch?: IssueSearchCompiler;
  /** more metric sources (transaction latency, crash-free rate … as they arrive) */
  metricSources?: readonly MetricSource[];
  /** replaces SMTP (tests of the composition do not need it; the e-mail channel tests use real SMTP) */
  mailer?: Mailer;
}

export const METRIC_TASK = 'alerts.evaluate-metric-rules';
const ruleCacheTtlMs = 5_000;

/**
 * Alerting, wired: issue rules evaluated from the post-process seam, metric rules on the
 * scheduler shared by all processes (jobs/; app.ts registers `tasks` where alerting is
 * enabled), a durable outbox drained by a delivery worker, and the services the API calls.
 * `start()` runs the delivery loop, which stays here: it is a work queue woken when a firing
 * is recorded and drained by every alerting process (a lease per delivery), not a task that
 * runs once per period.
 */
export function createAlerting(deps: AlertingDeps) {
  const { config, store, logger, clock, publicUrl } = deps;
  const releases = deps.releases ?? storeReleaseLookup(store);
  const mailer =
    deps.mailer ??
    createSmtpMailer(
      { host: config.smtpHost, port: config.smtpPort, secure: config.smtpSecure, user: config.smtpUser, password: config.smtpPassword, from: config.smtpFrom },
      config.alertHttpTimeoutMs,
    );
  const outbound = createOutboundPolicy({ deny: config.outboundDeny, allow: config.outboundAllow });
  const deliverySettings = {
    httpTimeoutMs: config.alertHttpTimeoutMs,
    leaseMs: Math.max(60_000, config.alertHttpTimeoutMs * 6),
    maxAttempts: config.alertDeliveryMaxAttempts,
    backoffBaseMs: config.alertDeliveryBackoffMs,
    backoffMaxMs: config.alertDeliveryBackoffMaxMs,
    pollMs: 1_000,
    batchSize: 20,
    pagerDutyUrl: config.pagerDutyEventsUrl,
    outbound,
  };
  const deliveries = createDeliveryWorker({ store, clock, logger, mailer, settings: deliverySettings });
  const catalogue = metricCatalogue([...builtinMetricSources(store, deps.issueSearch ?? null), ...(deps.metricSources ?? [])]);
  const rules = createRuleCache({ store, clock, logger, ttlMs: ruleCacheTtlMs });
  const scope = (projectId: number) => messageScope(store, publicUrl, releases, projectId);
  const issueEvaluator = createIssueEvaluator({ store, clock, logger, rules, releases, scope, onFired: () => deliveries.notify() });
  const metricEvaluator = createMetricEvaluator({ store, clock, logger, catalogue, scope, onFired: () => deliveries.notify() });
  const metricTask: ScheduledTask = {
    name: METRIC_TASK,
    everyMs: config.alertEvaluationIntervalMs,
    leaseMs: Math.max(config.alertEvaluationIntervalMs, 60_000),
    run: async () => void (await metricEvaluator.evaluateAll()),
  };

  return {
    /**
     * The post-process hook: evaluates issue rules for a batch committed at `processedAt`
     * (default: now). Throws only after every rule was tried and some failed, so post-process
     * keeps the batch for the recovery sweep; a rerun fires only what did not fire.
     */
    async onProcessed(results: readonly IssueEventSummary[], processedAt?: number): Promise<void> {
      const { failed } = await issueEvaluator.evaluate(results, processedAt);
      if (failed > 0) throw new Error(`${failed} issue alert rule evaluation(s) failed; the batch will be evaluated again`);
    },
    issueRules: createIssueRuleService({ store, clock, invalidate: (projectId) => rules.invalidate(projectId) }),
    metricRules: createMetricRuleService({ store, catalogue }),
    channels: createChannelService({
      store,
      clock,
      publicUrl,
      outbound,
      send: (channelConfig, n, deliveryId) =>
        sendNotification(channelConfig, n, {
          deliveryId,
          now: clock.now(),
          timeoutMs: config.alertHttpTimeoutMs,
          mailer,
          pagerDutyUrl: config.pagerDutyEventsUrl,
          outbound,
        }),
    }),
    metrics: catalogue,
    issueEvaluator,
    metricEvaluator,
    deliveries,
    /** alerting's periodic work, for the one scheduler */
    tasks: [metricTask] as readonly ScheduledTask[],
    start(): void {
      deliveries.start();
    },
    async stop(): Promise<void> {
      await deliveries.stop();
      mailer.close();
    },
  };
}

export type Alerting = ReturnType<typeof createAlerting>;
