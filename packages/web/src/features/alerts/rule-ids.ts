/** Sentry's (and Faultline's) ids of rule parts: the server accepts and returns these (docs/alerts.md). */
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

export type TriggerKind = keyof typeof CONDITION;
export type FilterKind = keyof typeof FILTER;

export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  firstSeen: 'A new issue is created',
  regression: 'The issue regresses (resolved, then seen again)',
  reappeared: 'An archived issue comes back',
  eventFrequency: 'The issue is seen more than N times in an interval',
  userFrequency: 'More than N distinct users hit the issue in an interval',
};

export const FILTER_LABELS: Record<FilterKind, string> = {
  level: 'Level',
  tagged: 'Tag',
  age: 'Issue age',
  latestRelease: 'Event is from the latest release',
  firstSeenInLatestRelease: 'Issue first seen in the latest release',
  issueCategory: 'Issue category',
};

export const INTERVALS = [
  ['1m', '1 minute'],
  ['5m', '5 minutes'],
  ['15m', '15 minutes'],
  ['1h', '1 hour'],
  ['1d', '1 day'],
  ['1w', '1 week'],
  ['30d', '30 days'],
] as const;

/** Sentry's numeric levels: the server stores LevelFilter's level as this number. */
export const LEVELS = [
  ['fatal', '50'],
  ['error', '40'],
  ['warning', '30'],
  ['info', '20'],
  ['debug', '10'],
] as const;

export const TAG_MATCHES = [
  ['eq', 'equals'],
  ['ne', 'does not equal'],
  ['co', 'contains'],
  ['nc', 'does not contain'],
  ['sw', 'starts with'],
  ['ew', 'ends with'],
  ['glob', 'matches glob (* and ?)'],
  ['is', 'is set'],
  ['ns', 'is not set'],
] as const;

export const AGE_UNITS = ['minute', 'hour', 'day', 'week'] as const;

/** Sentry's issue category numbers. */
export const CATEGORIES = [
  ['1', 'Error'],
  ['2', 'Performance'],
  ['4', 'Cron'],
  ['6', 'Feedback'],
] as const;

export function triggerKindOf(id: string): TriggerKind | undefined {
  return (Object.keys(CONDITION) as TriggerKind[]).find((k) => CONDITION[k] === id);
}

export function filterKindOf(id: string): FilterKind | undefined {
  return (Object.keys(FILTER) as FilterKind[]).find((k) => FILTER[k] === id);
}
