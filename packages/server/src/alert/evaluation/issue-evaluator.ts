import type { Clock, Logger } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { INTERVALS, type IssueRule, isSilenced } from '../rules/issue-rule.js';
import { matchFilters, needsLatestRelease } from '../rules/match-filters.js';
import type { AlertIssueFacts } from '../store/alert-queries.js';
import { issueNotification, type MessageScope } from './build-notification.js';
import { type IssueEventSummary, matchConditions, type WindowCounts } from './issue-conditions.js';
import { planDeliveries } from './plan-deliveries.js';
import type { ReleaseLookup } from './release-lookup.js';
import type { RuleCache } from './rule-cache.js';

export interface IssueEvaluatorDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  rules: RuleCache;
  releases: ReleaseLookup;
  scope(projectId: number): Promise<MessageScope | undefined>;
  /** a firing was recorded: wake the delivery worker */
  onFired(): void;
}

/** Windows of a day or more are answered from hourly counts; shorter ones need exact times. */
const hourlyFromMs = INTERVALS['1d'];

/**
 * Issue rules, evaluated for each batch of processed events (the post-process seam). Per
 * batch it reads the projects' cached rules and the touched issues once; counting
 * triggers read bounded index ranges. A firing is recorded with its outbox rows in one
 * transaction that also advances the rule's action interval for the issue (a
 * compare-and-set), so one (rule, issue) fires once per interval across all processes.
 */
export function createIssueEvaluator(deps: IssueEvaluatorDeps) {
  const { store, clock, logger } = deps;
  const queries = store.alerts.queries;
  /** Counts for one batch: all its events see the same committed state, so each count is read once. */
  function batchCounts(now: number): WindowCounts {
    const memo = new Map<string, Promise<number>>();
    const once = (key: string, read: () => Promise<number>) => {
      const hit = memo.get(key);
      if (hit) return hit;
      const p = read();
      memo.set(key, p);
      return p;
    };
    return {
      events: (issueId, since, environment, cap) =>
        once(`e:${issueId}:${since}:${environment}:${cap}`, () =>
          now - since >= hourlyFromMs ? queries.issueHourlySince(issueId, since, environment) : queries.issueEventsSince(issueId, since, environment, cap),
        ),
      users: (issueId, since, cap) => once(`u:${issueId}:${since}:${cap}`, () => queries.issueUsersSince(issueId, since, cap)),
    };
  }

  async function fire(rule: IssueRule, issue: AlertIssueFacts, ev: IssueEventSummary, reasons: string[], now: number): Promise<boolean> {
    const intervalMs = rule.frequencyMinutes * 60_000;
    // A cheap read first: inside the action interval nothing else needs to be looked up.
    const last = await store.alerts.issueRules.lastFiredAt(rule.id, issue.id);
    if (last !== null && last > now - intervalMs) return false;
    const scope = await deps.scope(issue.projectId);
    if (!scope) return false;
    const notification = await issueNotification(scope, rule, issue, ev, reasons, now);
    const deliveries = await planDeliveries(store, scope.org.id, rule.actions);
    const firingId = await store.db.transaction().execute(async (trx) => {
      if (!(await store.alerts.issueRules.claimActionInterval(trx, rule.id, issue.id, now, intervalMs))) return null;
      return store.alerts.firings.record(
        trx,
        {
          // One firing per (rule, issue, interval bucket): a second insert for the same bucket is a no-op.
          dedupKey: `issue:${rule.id}:${issue.id}:${Math.floor(now / intervalMs)}`,
          kind: 'issue',
          projectId: issue.projectId,
          ruleId: rule.id,
          metricRuleId: null,
          issueId: issue.id,
          incidentId: null,
          severity: notification.severity,
          firedAt: now,
          notification,
        },
        deliveries,
      );
    });
    if (firingId === null) return false;
    logger.info({ ruleId: rule.id, issueId: issue.id, firingId, deliveries: deliveries.length }, 'issue alert fired');
    return true;
  }

  async function evaluateProject(projectId: number, events: IssueEventSummary[], now: number): Promise<{ fired: number; failed: number }> {
    const rules = (await deps.rules.forProject(projectId)).filter((r) => !isSilenced(r, now));
    if (rules.length === 0) return { fired: 0, failed: 0 };
    const issues = await queries.issueFacts(events.map((e) => e.issueId));
    let latest: Promise<string | null> | undefined;
    const latestRelease = () => {
      latest ??= deps.releases.latestRelease(projectId);
      return latest;
    };
    const decided = new Set<string>();
    const counts = batchCounts(now);
    let fired = 0;
    let failed = 0;
    for (const ev of events) {
      const issue = issues.get(ev.issueId);
      if (!issue) continue;
      for (const rule of rules) {
        const key = `${rule.id}:${issue.id}`;
        if (decided.has(key)) continue;
        if (rule.environment !== null && ev.environment !== rule.environment) continue;
        try {
          const facts = { event: ev, issue, latestRelease: needsLatestRelease(rule.filters) ? await latestRelease() : null, now };
          if (!matchFilters(rule.filters, rule.filterMatch, facts)) continue;
          const reasons = await matchConditions(rule.conditions, rule.actionMatch, ev, rule.environment, now, counts);
          if (!reasons) continue;
          // Counts come from committed state, so later events of this issue in the batch would decide the same.
          decided.add(key);
          if (await fire(rule, issue, ev, reasons, now)) fired += 1;
        } catch (err) {
          // One rule failing (a lookup, a write) must not keep the project's other rules from firing.
          decided.add(key);
          failed += 1;
          logger.error({ err, ruleId: rule.id, issueId: issue.id }, 'issue alert rule evaluation failed');
        }
      }
    }
    return { fired, failed };
  }

  return {
    /**
     * Evaluates one processed batch. `now` is the batch's commit time: evaluating the same
     * batch again (the recovery sweep after a crash) claims the same action interval at the
     * same time, so it cannot fire a second time. `failed` counts rules whose evaluation
     * threw (a lookup or write failed): the caller may run the batch again.
     */
    async evaluate(results: readonly IssueEventSummary[], now: number = clock.now()): Promise<{ fired: number; failed: number }> {
      const byProject = new Map<number, IssueEventSummary[]>();
      for (const r of results) {
        const list = byProject.get(r.projectId) ?? [];
        list.push(r);
        byProject.set(r.projectId, list);
      }
      let fired = 0;
      let failed = 0;
      for (const [projectId, events] of byProject) {
        try {
          const outcome = await evaluateProject(projectId, events, now);
          fired += outcome.fired;
          failed += outcome.failed;
        } catch (err) {
          failed += 1;
          logger.error({ err, projectId }, 'issue alert evaluation failed');
        }
      }
      if (fired > 0) deps.onFired();
      return { fired, failed };
    },
  };
}

export type IssueEvaluator = ReturnType<typeof createIssueEvaluator>;
