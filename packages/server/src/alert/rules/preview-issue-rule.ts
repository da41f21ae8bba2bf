import type { IssueEventSummary, WindowCounts } from '../evaluation/issue-conditions.js';
import { matchConditions } from '../evaluation/issue-conditions.js';
import { ACTION, type IssueCondition, type IssueFilter, type MatchMode } from './issue-rule.js';
import { type FilterFacts, matchFilters } from './match-filters.js';
import { parseIssueRuleDraft } from './parse-issue-rule.js';
import type { Fields, Parsed } from './rule-fields.js';

/** The parts of an issue rule that decide whether (and how often) it fires. */
export interface PreviewRule {
  conditions: IssueCondition[];
  filters: IssueFilter[];
  actionMatch: MatchMode;
  filterMatch: MatchMode;
  frequencyMinutes: number;
  environment: string | null;
}

/**
 * Validates a rule body as create does, so the preview answers the same 400s naming the
 * same fields. A draft being edited may not have a name or actions yet; those do not
 * change what the rule matches, so stand-ins are given for them.
 */
export function parsePreviewRule(body: Fields): Parsed<PreviewRule> {
  const actions = Array.isArray(body.actions) && body.actions.length > 0 ? body.actions : [{ id: ACTION.channel, channel: '1' }];
  const draft = parseIssueRuleDraft({ ...body, name: 'preview', actions });
  if (!draft.ok) return draft;
  const { conditions, filters, actionMatch, filterMatch, frequencyMinutes, environment } = draft.value;
  return { ok: true, value: { conditions, filters, actionMatch, filterMatch, frequencyMinutes, environment } };
}

/** One stored error event of the replayed window, oldest first, with what the pipeline decided about it. */
export interface ReplayEvent extends IssueEventSummary {
  readonly receivedAt: number;
}

export interface ReplayIssue {
  readonly type: string;
  readonly firstSeen: number;
  readonly firstRelease: string | null;
}

export interface IssuePreview {
  issueId: number;
  /** events of the issue in the window that passed the environment and filters */
  matchedEvents: number;
  /** how many notifications the rule would have sent for it (action interval applied) */
  firings: number;
  firstFiredAt: number | null;
  lastFiredAt: number | null;
  /** the trigger reasons of the last firing */
  reasons: string[];
}

/**
 * Replays stored events through a rule's filters and triggers in arrival order, with
 * frequency counts answered from the replayed events themselves and the action interval
 * applied per issue, as the live evaluator would have done. Counts see only the replayed
 * window, so a frequency trigger near its start can under-count (said in the docs).
 */
export async function replayIssueRule(
  rule: PreviewRule,
  events: readonly ReplayEvent[],
  issues: ReadonlyMap<number, ReplayIssue>,
  latestRelease: string | null,
): Promise<IssuePreview[]> {
  const byIssue = new Map<number, ReplayEvent[]>();
  for (const e of events) {
    const list = byIssue.get(e.issueId) ?? [];
    list.push(e);
    byIssue.set(e.issueId, list);
  }
  const out = new Map<number, IssuePreview>();
  const intervalMs = rule.frequencyMinutes * 60_000;
  for (const ev of events) {
    const issue = issues.get(ev.issueId);
    if (!issue) continue;
    if (rule.environment !== null && ev.environment !== rule.environment) continue;
    const now = ev.receivedAt;
    const facts: FilterFacts = { event: ev, issue, latestRelease, now };
    if (!matchFilters(rule.filters, rule.filterMatch, facts)) continue;
    const preview = out.get(ev.issueId) ?? { issueId: ev.issueId, matchedEvents: 0, firings: 0, firstFiredAt: null, lastFiredAt: null, reasons: [] };
    out.set(ev.issueId, preview);
    preview.matchedEvents += 1;
    const reasons = await matchConditions(rule.conditions, rule.actionMatch, ev, rule.environment, now, replayCounts(byIssue, now));
    if (!reasons) continue;
    if (preview.lastFiredAt !== null && preview.lastFiredAt > now - intervalMs) continue;
    preview.firings += 1;
    preview.firstFiredAt ??= now;
    preview.lastFiredAt = now;
    preview.reasons = reasons;
  }
  return [...out.values()].filter((p) => p.firings > 0);
}

/** Window counts as the evaluator sees them at `now`: events already received, this one included. */
function replayCounts(byIssue: ReadonlyMap<number, readonly ReplayEvent[]>, now: number): WindowCounts {
  const seen = (issueId: number, since: number) => (byIssue.get(issueId) ?? []).filter((e) => e.receivedAt >= since && e.receivedAt <= now);
  return {
    async events(issueId, since, environment, cap) {
      const n = seen(issueId, since).filter((e) => environment === null || e.environment === environment).length;
      return Math.min(n, cap);
    },
    async users(issueId, since, cap) {
      const users = new Set<string>();
      for (const e of seen(issueId, since)) if (e.userKey !== null) users.add(e.userKey);
      return Math.min(users.size, cap);
    },
  };
}
