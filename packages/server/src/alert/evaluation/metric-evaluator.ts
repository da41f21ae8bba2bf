import type { Clock, Logger } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { type MetricRule, metricRuleFromRecord } from '../rules/rule-records.js';
import { type MessageScope, metricNotification, releaseOf } from './build-notification.js';
import type { MetricInput, MetricSource, metricCatalogue } from './metric-sources.js';
import { nextMetricState, type Transition } from './metric-state.js';
import { planDeliveries } from './plan-deliveries.js';

export interface MetricEvaluatorDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  catalogue: ReturnType<typeof metricCatalogue>;
  scope(projectId: number): Promise<MessageScope | undefined>;
  onFired(): void;
}

class LostRace extends Error {}

/**
 * Evaluates every active metric rule once (the scheduled task runs this each interval).
 * Per rule: measure the window ending now, step the state machine, and on a transition
 * open/update/resolve the incident, record the firing and its outbox rows — all in one
 * transaction guarded by a compare-and-set on the rule's state, so a transition is
 * applied and notified once even if two evaluators overlapped.
 */
export function createMetricEvaluator(deps: MetricEvaluatorDeps) {
  const { store, clock, logger, catalogue } = deps;

  async function apply(
    rule: MetricRule,
    source: MetricSource,
    transition: Transition,
    value: number,
    next: ReturnType<typeof nextMetricState>['next'],
    input: MetricInput,
  ) {
    const now = input.end;
    const scope = await deps.scope(rule.projectId);
    if (!scope) return;
    const existing = rule.activeIncidentId === null ? undefined : await store.alerts.metricRules.incidentById(rule.activeIncidentId);
    const breachStart = Math.min(...[next.warningSince, next.criticalSince].filter((t): t is number => t !== null), now);
    const context = source.context ? await source.context(input) : null;
    const release = await releaseOf(scope, context?.release ?? (await scope.releases.latestRelease(rule.projectId)));
    const deliveries = await planDeliveries(store, scope.org.id, rule.actions);
    const severity = transition.type === 'opened' ? transition.severity : transition.type === 'severity_changed' ? transition.to : transition.from;
    await store.db.transaction().execute(async (trx) => {
      const repo = store.alerts.metricRules;
      const incident =
        transition.type === 'opened' || !existing
          ? { id: await repo.openIncident(trx, { ruleId: rule.id, projectId: rule.projectId, severity, startedAt: breachStart }), startedAt: breachStart }
          : { id: existing.id, startedAt: existing.startedAt };
      const activityId = await repo.addIncidentActivity(trx, { incidentId: incident.id, type: transition.type, severity, value, at: now });
      await repo.updateIncident(trx, incident.id, transition.type === 'resolved' ? { severity, resolvedAt: now } : { severity });
      const saved = await repo.saveState(
        trx,
        rule.id,
        { state: rule.state, lastEvaluatedAt: rule.lastEvaluatedAt },
        { ...next, activeIncidentId: transition.type === 'resolved' ? null : incident.id, lastValue: value, lastEvaluatedAt: now },
      );
      if (!saved) throw new LostRace();
      const notification = metricNotification(scope, rule, source, transition, value, incident, release, now, context?.note ?? null);
      await store.alerts.firings.record(
        trx,
        {
          dedupKey: `metric:${rule.id}:${incident.id}:${activityId}`,
          kind: 'metric',
          projectId: rule.projectId,
          ruleId: null,
          metricRuleId: rule.id,
          issueId: null,
          incidentId: incident.id,
          severity: notification.severity,
          firedAt: now,
          notification,
        },
        deliveries,
      );
    });
    logger.info({ ruleId: rule.id, transition: transition.type, value }, 'metric alert changed state');
    deps.onFired();
  }

  async function evaluateRule(rule: MetricRule, now: number): Promise<Transition | null> {
    const source = catalogue.get(rule.metric);
    if (!source) return null;
    const input: MetricInput = {
      orgId: rule.orgId,
      projectId: rule.projectId,
      environment: rule.environment,
      query: rule.query,
      start: now - rule.timeWindowMs,
      end: now,
      comparisonDeltaMs: rule.comparisonDeltaMs,
    };
    const value = await source.measure(input);
    const { next, transition } = nextMetricState(rule, rule, value, now);
    if (transition && value !== null) {
      try {
        await apply(rule, source, transition, value, next, input);
      } catch (err) {
        if (err instanceof LostRace) return null;
        throw err;
      }
      return transition;
    }
    await store.db.transaction().execute(async (trx) => {
      await store.alerts.metricRules.saveState(
        trx,
        rule.id,
        { state: rule.state, lastEvaluatedAt: rule.lastEvaluatedAt },
        { ...next, activeIncidentId: rule.activeIncidentId, lastValue: value ?? rule.lastValue, lastEvaluatedAt: now },
      );
    });
    return null;
  }

  return {
    /** One pass over every active metric rule; returns the transitions that happened. */
    async evaluateAll(): Promise<{ ruleId: number; transition: Transition }[]> {
      const now = clock.now();
      const out: { ruleId: number; transition: Transition }[] = [];
      for (const record of await store.alerts.metricRules.listActive()) {
        const rule = metricRuleFromRecord(record, catalogue);
        if (!rule.ok) {
          logger.error({ ruleId: record.id, reason: rule.reason }, 'metric alert rule skipped');
          continue;
        }
        try {
          const transition = await evaluateRule(rule.value, now);
          if (transition) out.push({ ruleId: rule.value.id, transition });
        } catch (err) {
          logger.error({ err, ruleId: record.id }, 'metric alert evaluation failed');
        }
      }
      return out;
    },
  };
}

export type MetricEvaluator = ReturnType<typeof createMetricEvaluator>;
