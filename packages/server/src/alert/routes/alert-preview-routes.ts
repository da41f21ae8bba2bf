import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/index.js';
import { requirePrincipal } from '../../auth/index.js';
import { jsonObject } from '../../http/index.js';
import { formatShortId } from '../../issues/index.js';
import { type Clock, fail } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { Alerting } from '../alerting.js';
import { storeReleaseLookup } from '../evaluation/store-release-lookup.js';
import { recentErrorEvents } from '../read/recent-error-events.js';
import { FILTER } from '../rules/issue-rule.js';
import { parsePreviewRule, replayIssueRule } from '../rules/preview-issue-rule.js';
import { parsePreviewMetricRule, replayMetricRule } from '../rules/preview-metric-rule.js';

type ProjectParams = { org: string; project: string };
type OrgParams = { org: string };

const dayMs = 86_400_000;
/** Enough history to judge a rule's noise, bounded so one preview stays a quick read. */
const MAX_EVENTS = 5_000;
const MAX_ISSUES = 50;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** At most this many evaluations per metric preview: enough points for a chart, few enough queries. */
const MAX_POINTS = 120;

function readHours(request: FastifyRequest<{ Querystring: { hours?: string } }>): number {
  const raw = request.query.hours;
  if (raw === undefined) return 24;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 168) fail('validation_failed', 'hours must be a whole number between 1 and 168');
  return Number(raw);
}

function readDays(request: FastifyRequest<{ Querystring: { days?: string } }>): number {
  const raw = request.query.days;
  if (raw === undefined) return 14;
  if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 30) fail('validation_failed', 'days must be a whole number between 1 and 30');
  return Number(raw);
}

/**
 * `POST /api/0/projects/{org}/{project}/rules/preview/?days=14`: the body of a rule create;
 * the answer lists the recent issues the rule would have notified about and how often, by
 * replaying the project's stored events through the same filter and trigger code the
 * live evaluator runs. Read-only, so project:read is enough.
 */
export function registerAlertPreviewRoutes(app: FastifyInstance, deps: { auth: Auth; store: Store; clock: Clock; alerting: Alerting }): void {
  const { auth, store, clock, alerting } = deps;
  const releases = storeReleaseLookup(store);
  app.post<{ Params: ProjectParams; Querystring: { days?: string } }>('/api/0/projects/:org/:project/rules/preview/', async (request) => {
    const { project } = await auth.projectAccess(requirePrincipal(request), request.params.org, request.params.project, 'project:read');
    const days = readDays(request);
    const rule = parsePreviewRule(jsonObject(request.body));
    if (!rule.ok) fail('validation_failed', rule.reason);
    const end = clock.now();
    const start = end - days * dayMs;
    const withTags = rule.value.filters.some((f) => f.id === FILTER.tagged);
    const recent = await recentErrorEvents(store.db, { projectId: project.id, start, end: end + 1, limit: MAX_EVENTS, withTags });
    const issues = await store.alerts.queries.issueFacts(recent.events.map((e) => e.issueId));
    const needsRelease = rule.value.filters.some((f) => f.id === FILTER.latestRelease || f.id === FILTER.firstSeenInLatestRelease);
    const latest = needsRelease ? await releases.latestRelease(project.id) : null;
    const previews = await replayIssueRule(rule.value, recent.events, issues, latest);
    previews.sort((a, b) => b.firings - a.firings || (b.lastFiredAt ?? 0) - (a.lastFiredAt ?? 0));
    return {
      window: { start: iso(start), end: iso(end), days },
      eventsExamined: recent.events.length,
      truncated: recent.truncated,
      firings: previews.reduce((n, p) => n + p.firings, 0),
      issueCount: previews.length,
      issues: previews.slice(0, MAX_ISSUES).flatMap((p) => {
        const issue = issues.get(p.issueId);
        if (!issue) return [];
        return [
          {
            id: String(issue.id),
            shortId: formatShortId(project.slug, issue.shortId),
            title: issue.title,
            culprit: issue.culprit,
            level: issue.level,
            status: issue.status,
            firstSeen: iso(issue.firstSeen),
            lastSeen: iso(issue.lastSeen),
            matchedEvents: p.matchedEvents,
            firings: p.firings,
            firstFired: iso(p.firstFiredAt),
            lastFired: iso(p.lastFiredAt),
            reasons: p.reasons,
          },
        ];
      }),
    };
  });

  /**
   * `POST /api/0/organizations/{org}/alert-rules/preview/?hours=24`: the body of a metric rule
   * create; the answer is the metric measured at evenly spaced past evaluation times, the
   * state the rule would have been in at each, and when it would have notified.
   */
  app.post<{ Params: OrgParams; Querystring: { hours?: string } }>('/api/0/organizations/:org/alert-rules/preview/', async (request) => {
    const principal = requirePrincipal(request);
    const body = jsonObject(request.body);
    const slug = body.project ?? (Array.isArray(body.projects) ? body.projects[0] : undefined);
    if (typeof slug !== 'string' || slug === '') {
      await auth.orgAccess(principal, request.params.org, 'project:read');
      fail('validation_failed', 'project is required (a project slug)');
    }
    const { org, project } = await auth.projectAccess(principal, request.params.org, slug, 'project:read');
    const hours = readHours(request);
    const rule = parsePreviewMetricRule(body, project.id, alerting.metrics);
    if (!rule.ok) fail('validation_failed', rule.reason);
    const source = alerting.metrics.get(rule.value.metric);
    if (!source) fail('validation_failed', `metric must be one of ${alerting.metrics.keys().join(', ')}`);
    const end = clock.now();
    const stepMs = Math.max(60_000, Math.ceil((hours * 3_600_000) / MAX_POINTS / 60_000) * 60_000);
    const times: number[] = [];
    for (let at = end - Math.floor((hours * 3_600_000) / stepMs) * stepMs + stepMs; at <= end; at += stepMs) times.push(at);
    const { query, environment, comparisonDeltaMs } = rule.value;
    const points = await replayMetricRule(rule.value, times, (start, at) =>
      source.measure({ orgId: org.id, projectId: project.id, environment, query, start, end: at, comparisonDeltaMs }),
    );
    const transitions = points.filter((p) => p.transition !== null);
    return {
      window: { start: iso(end - hours * 3_600_000), end: iso(end), hours },
      stepMinutes: stepMs / 60_000,
      metric: { key: source.key, label: source.label, unit: source.unit },
      firings: transitions.filter((p) => p.transition?.type === 'opened').length,
      points: points.map((p) => ({ at: iso(p.at), value: p.value, state: p.state })),
      transitions: transitions.map((p) => ({ at: iso(p.at), value: p.value, ...p.transition })),
    };
  });
}
