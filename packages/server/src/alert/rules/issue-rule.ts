/**
 * Issue alert rules in Sentry's rule shape: conditions (triggers), filters and actions
 * are lists of `{id, …fields}` with Sentry's ids, so Sentry-shaped clients can read and
 * write them. Faultline's own additions use `faultline.` ids.
 */
export const CONDITION = {
  firstSeen: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition',
  regression: 'sentry.rules.conditions.regression_event.RegressionEventCondition',
  reappeared: 'sentry.rules.conditions.reappeared_event.ReappearedEventCondition',
  eventFrequency: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition',
  userFrequency: 'sentry.rules.conditions.event_frequency.EventUniqueUserFrequencyCondition',
} as const;

export const FILTER = {
  level: 'sentry.rules.filters.level.LevelFilter',
  tagged: 'sentry.rules.filters.tagged_event.TaggedEventFilter',
  age: 'sentry.rules.filters.age_comparison.AgeComparisonFilter',
  latestRelease: 'sentry.rules.filters.latest_release.LatestReleaseFilter',
  firstSeenInLatestRelease: 'faultline.rules.filters.first_seen_in_latest_release.FirstSeenInLatestReleaseFilter',
  issueCategory: 'sentry.rules.filters.issue_category.IssueCategoryFilter',
} as const;

export const ACTION = {
  email: 'sentry.mail.actions.NotifyEmailAction',
  channel: 'faultline.rules.actions.NotifyChannelAction',
} as const;

/** Sentry's frequency intervals. */
export const INTERVALS = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '1d': 86_400_000, '1w': 604_800_000, '30d': 2_592_000_000 } as const;
export type Interval = keyof typeof INTERVALS;

/** Sentry's numeric log levels (LevelFilter stores the number as a string). */
export const LEVELS = { fatal: 50, error: 40, warning: 30, info: 20, debug: 10, sample: 0 } as const;
export type LevelName = keyof typeof LEVELS;

export const TAG_MATCHES = ['eq', 'ne', 'sw', 'ew', 'co', 'nc', 'is', 'ns', 'glob'] as const;
export type TagMatch = (typeof TAG_MATCHES)[number];

export const AGE_UNITS = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;
export type AgeUnit = keyof typeof AGE_UNITS;

/** Sentry's issue categories (GroupCategory) that Faultline has issues of. */
export const ISSUE_CATEGORIES = { error: 1, performance: 2, cron: 4, feedback: 6 } as const;
export type IssueCategory = keyof typeof ISSUE_CATEGORIES;

export type IssueCondition =
  | { id: typeof CONDITION.firstSeen }
  | { id: typeof CONDITION.regression }
  | { id: typeof CONDITION.reappeared }
  | { id: typeof CONDITION.eventFrequency; value: number; interval: Interval }
  | { id: typeof CONDITION.userFrequency; value: number; interval: Interval };

export type IssueFilter =
  | { id: typeof FILTER.level; match: 'gte' | 'eq' | 'lte'; level: string }
  | { id: typeof FILTER.tagged; key: string; match: TagMatch; value: string }
  | { id: typeof FILTER.age; comparison_type: 'older' | 'newer'; value: number; time: AgeUnit }
  | { id: typeof FILTER.latestRelease }
  | { id: typeof FILTER.firstSeenInLatestRelease }
  | { id: typeof FILTER.issueCategory; value: string };

export type RuleAction = { id: typeof ACTION.email; targetType: 'Team' | 'Member'; targetIdentifier: string } | { id: typeof ACTION.channel; channel: string };

export type MatchMode = 'all' | 'any' | 'none';

export interface IssueRule {
  id: number;
  projectId: number;
  name: string;
  conditions: IssueCondition[];
  filters: IssueFilter[];
  actions: RuleAction[];
  actionMatch: MatchMode;
  filterMatch: MatchMode;
  frequencyMinutes: number;
  environment: string | null;
  status: 'active' | 'disabled';
  muted: boolean;
  snoozeUntil: number | null;
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
}

/** Whether a rule is silenced at `now`: disabled, muted, or snoozed until later. */
export function isSilenced(rule: Pick<IssueRule, 'status' | 'muted' | 'snoozeUntil'>, now: number): boolean {
  return rule.status !== 'active' || rule.muted || (rule.snoozeUntil !== null && rule.snoozeUntil > now);
}
