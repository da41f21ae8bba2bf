import { formatDuration } from '../channels/notification.js';
import { CONDITION, INTERVALS, type IssueCondition, type MatchMode } from '../rules/issue-rule.js';

/** What the post-process seam tells alerting about one stored error event (process/post-process). */
export interface IssueEventSummary {
  readonly projectId: number;
  readonly issueId: number;
  readonly isNew: boolean;
  readonly isRegression: boolean;
  readonly wasIgnoredAndCameBack: boolean;
  readonly eventId: string;
  readonly level: string;
  readonly environment: string | null;
  readonly release: string | null;
  readonly userKey: string | null;
  readonly tags: readonly (readonly [string, string])[];
}

/** Window counts the frequency triggers need; each answers at most `cap` (a rule only asks "more than N?"). */
export interface WindowCounts {
  events(issueId: number, since: number, environment: string | null, cap: number): Promise<number>;
  users(issueId: number, since: number, cap: number): Promise<number>;
}

/** The reason text of a met trigger, or null when it is not met. */
async function check(c: IssueCondition, ev: IssueEventSummary, environment: string | null, now: number, counts: WindowCounts): Promise<string | null> {
  switch (c.id) {
    case CONDITION.firstSeen:
      return ev.isNew ? 'A new issue was created' : null;
    case CONDITION.regression:
      return ev.isRegression ? 'The issue regressed: it was resolved and happened again' : null;
    case CONDITION.reappeared:
      return ev.wasIgnoredAndCameBack ? 'The issue was archived and came back' : null;
    case CONDITION.eventFrequency: {
      const n = await counts.events(ev.issueId, now - INTERVALS[c.interval], environment, c.value + 1);
      return n > c.value ? `Seen more than ${c.value} times in ${formatDuration(INTERVALS[c.interval])}` : null;
    }
    case CONDITION.userFrequency: {
      const n = await counts.users(ev.issueId, now - INTERVALS[c.interval], c.value + 1);
      return n > c.value ? `Affected more than ${c.value} ${c.value === 1 ? 'user' : 'users'} within ${formatDuration(INTERVALS[c.interval])}` : null;
    }
  }
}

const cost = (c: IssueCondition) => (c.id === CONDITION.eventFrequency || c.id === CONDITION.userFrequency ? 1 : 0);

/**
 * Evaluates a rule's triggers for one event under its match mode; returns the reasons
 * when the rule's triggers are satisfied, else null. The state triggers (new, regressed,
 * came back) are checked before the counting ones, which are skipped when the outcome is
 * already decided.
 */
export async function matchConditions(
  conditions: readonly IssueCondition[],
  mode: MatchMode,
  ev: IssueEventSummary,
  environment: string | null,
  now: number,
  counts: WindowCounts,
): Promise<string[] | null> {
  const reasons: string[] = [];
  for (const c of [...conditions].sort((a, b) => cost(a) - cost(b))) {
    const met = await check(c, ev, environment, now, counts);
    if (mode === 'all' && met === null) return null;
    if (mode === 'any' && met !== null) return [met];
    if (mode === 'none' && met !== null) return null;
    if (met !== null) reasons.push(met);
  }
  if (mode === 'any') return null;
  if (mode === 'none') return ['None of the rule’s triggers matched'];
  return reasons;
}
