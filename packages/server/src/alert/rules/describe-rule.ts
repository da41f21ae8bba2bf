import { formatDuration } from '../channels/notification.js';
import {
  ACTION,
  AGE_UNITS,
  CONDITION,
  FILTER,
  INTERVALS,
  ISSUE_CATEGORIES,
  type IssueCondition,
  type IssueFilter,
  LEVELS,
  type RuleAction,
} from './issue-rule.js';

/** Human sentences for rule parts, as Sentry returns them in each entry's `name`. */
export function describeCondition(c: IssueCondition): string {
  switch (c.id) {
    case CONDITION.firstSeen:
      return 'A new issue is created';
    case CONDITION.regression:
      return 'The issue changes state from resolved to unresolved';
    case CONDITION.reappeared:
      return 'The issue changes state from archived to escalating';
    case CONDITION.eventFrequency:
      return `The issue is seen more than ${c.value} times in ${formatDuration(INTERVALS[c.interval])}`;
    case CONDITION.userFrequency:
      return `The issue is seen by more than ${c.value} users in ${formatDuration(INTERVALS[c.interval])}`;
  }
}

const tagMatchWords: Record<string, string> = {
  eq: 'equals',
  ne: 'does not equal',
  sw: 'starts with',
  ew: 'ends with',
  co: 'contains',
  nc: 'does not contain',
  is: 'is set',
  ns: 'is not set',
  glob: 'matches',
};

export function describeFilter(f: IssueFilter): string {
  switch (f.id) {
    case FILTER.level: {
      const name = Object.entries(LEVELS).find(([, n]) => String(n) === f.level)?.[0] ?? f.level;
      return `The event's level is ${f.match === 'gte' ? 'at least' : f.match === 'lte' ? 'at most' : 'equal to'} ${name}`;
    }
    case FILTER.tagged:
      return `The event's tag ${f.key} ${tagMatchWords[f.match] ?? f.match}${f.match === 'is' || f.match === 'ns' ? '' : ` ${f.value}`}`;
    case FILTER.age:
      return `The issue is ${f.comparison_type} than ${formatDuration(f.value * AGE_UNITS[f.time])}`;
    case FILTER.latestRelease:
      return 'The event is from the latest release';
    case FILTER.firstSeenInLatestRelease:
      return 'The issue was first seen in the latest release';
    case FILTER.issueCategory: {
      const name = Object.entries(ISSUE_CATEGORIES).find(([, n]) => String(n) === f.value)?.[0] ?? f.value;
      return `The issue's category is ${name}`;
    }
  }
}

export function describeAction(a: RuleAction): string {
  if (a.id === ACTION.email) return `Send an e-mail to ${a.targetType === 'Team' ? 'team' : 'member'} ${a.targetIdentifier}`;
  return `Send a notification to channel ${a.channel}`;
}
