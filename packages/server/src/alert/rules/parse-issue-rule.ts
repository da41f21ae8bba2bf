import {
  ACTION,
  AGE_UNITS,
  type AgeUnit,
  CONDITION,
  FILTER,
  INTERVALS,
  type Interval,
  ISSUE_CATEGORIES,
  type IssueCondition,
  type IssueFilter,
  LEVELS,
  type MatchMode,
  type RuleAction,
  TAG_MATCHES,
  type TagMatch,
} from './issue-rule.js';
import { type Fields, field, type Parsed, parseOwner, parseUrl } from './rule-fields.js';

/** An issue rule's definition as the API accepts it; ids and state are the store's. */
export interface IssueRuleDraft {
  name: string;
  conditions: IssueCondition[];
  filters: IssueFilter[];
  actions: RuleAction[];
  actionMatch: MatchMode;
  filterMatch: MatchMode;
  frequencyMinutes: number;
  environment: string | null;
  status: 'active' | 'disabled';
  owner: string | null;
  runbookUrl: string | null;
  triageNotes: string | null;
}

export const MIN_FREQUENCY_MINUTES = 5;
export const MAX_FREQUENCY_MINUTES = 43_200;

const matchModes = ['all', 'any', 'none'] as const;

function list<T>(raw: unknown, name: string, parseItem: (item: Fields, index: number) => Parsed<T>): Parsed<T[]> {
  if (raw === undefined || raw === null) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return { ok: false, reason: `${name} must be a list` };
  if (raw.length > 20) return { ok: false, reason: `${name} may have at most 20 entries` };
  const out: T[] = [];
  for (const [i, item] of raw.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { ok: false, reason: `${name}[${i}] must be an object` };
    const r = parseItem(item as Fields, i);
    if (!r.ok) return { ok: false, reason: `${name}[${i}]: ${r.reason}` };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function count(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000_000 ? n : null;
}

export function parseCondition(c: Fields): Parsed<IssueCondition> {
  switch (c.id) {
    case CONDITION.firstSeen:
    case CONDITION.regression:
    case CONDITION.reappeared:
      return { ok: true, value: { id: c.id } };
    case CONDITION.eventFrequency:
    case CONDITION.userFrequency: {
      const value = count(c.value);
      if (value === null) return { ok: false, reason: 'value must be a whole number ≥ 0' };
      const interval = c.interval;
      if (typeof interval !== 'string' || !(interval in INTERVALS))
        return { ok: false, reason: `interval must be one of ${Object.keys(INTERVALS).join(', ')}` };
      return { ok: true, value: { id: c.id, value, interval: interval as Interval } };
    }
    default:
      return { ok: false, reason: `unknown condition id ${JSON.stringify(c.id)}` };
  }
}

/** Accepts Sentry's numbers ("40") and names ("error"); stores the number as Sentry does. */
function levelNumber(v: unknown): string | null {
  if (typeof v === 'string' && v in LEVELS) return String(LEVELS[v as keyof typeof LEVELS]);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Object.values(LEVELS).includes(n as never) ? String(n) : null;
}

export function parseFilter(f: Fields): Parsed<IssueFilter> {
  switch (f.id) {
    case FILTER.level: {
      const match = f.match ?? 'gte';
      if (match !== 'gte' && match !== 'eq' && match !== 'lte') return { ok: false, reason: 'match must be gte, eq or lte' };
      const level = levelNumber(f.level);
      if (level === null) return { ok: false, reason: `level must be one of ${Object.keys(LEVELS).join(', ')} (or Sentry's 50/40/30/20/10)` };
      return { ok: true, value: { id: f.id, match, level } };
    }
    case FILTER.tagged: {
      if (typeof f.key !== 'string' || f.key.length === 0 || f.key.length > 200) return { ok: false, reason: 'key must be a tag name' };
      if (typeof f.match !== 'string' || !(TAG_MATCHES as readonly string[]).includes(f.match))
        return { ok: false, reason: `match must be one of ${TAG_MATCHES.join(', ')}` };
      const needsValue = f.match !== 'is' && f.match !== 'ns';
      const value = f.value === undefined || f.value === null ? '' : f.value;
      if (typeof value !== 'string' || value.length > 200 || (needsValue && value === ''))
        return { ok: false, reason: 'value must be a string of 1–200 characters' };
      return { ok: true, value: { id: f.id, key: f.key, match: f.match as TagMatch, value } };
    }
    case FILTER.age: {
      if (f.comparison_type !== 'older' && f.comparison_type !== 'newer') return { ok: false, reason: 'comparison_type must be older or newer' };
      const value = count(f.value);
      if (value === null) return { ok: false, reason: 'value must be a whole number ≥ 0' };
      if (typeof f.time !== 'string' || !(f.time in AGE_UNITS)) return { ok: false, reason: `time must be one of ${Object.keys(AGE_UNITS).join(', ')}` };
      return { ok: true, value: { id: f.id, comparison_type: f.comparison_type, value, time: f.time as AgeUnit } };
    }
    case FILTER.latestRelease:
    case FILTER.firstSeenInLatestRelease:
      return { ok: true, value: { id: f.id } };
    case FILTER.issueCategory: {
      const names = Object.keys(ISSUE_CATEGORIES);
      const byNumber = Object.entries(ISSUE_CATEGORIES).find(([, n]) => String(n) === String(f.value));
      const value =
        typeof f.value === 'string' && names.includes(f.value)
          ? String(ISSUE_CATEGORIES[f.value as keyof typeof ISSUE_CATEGORIES])
          : byNumber
            ? String(byNumber[1])
            : null;
      if (value === null) return { ok: false, reason: `value must be one of ${names.join(', ')}` };
      return { ok: true, value: { id: f.id, value } };
    }
    default:
      return { ok: false, reason: `unknown filter id ${JSON.stringify(f.id)}` };
  }
}

export function parseAction(a: Fields): Parsed<RuleAction> {
  const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? String(v) : typeof v === 'string' && /^\d+$/.test(v) ? v : null);
  switch (a.id) {
    case ACTION.email: {
      if (a.targetType !== 'Team' && a.targetType !== 'Member') return { ok: false, reason: 'targetType must be Team or Member' };
      const target = id(a.targetIdentifier);
      if (target === null) return { ok: false, reason: 'targetIdentifier must be a team or user id' };
      return { ok: true, value: { id: a.id, targetType: a.targetType, targetIdentifier: target } };
    }
    case ACTION.channel: {
      const channel = id(a.channel ?? a.channelId);
      if (channel === null) return { ok: false, reason: 'channel must be a notification channel id' };
      return { ok: true, value: { id: a.id, channel } };
    }
    default:
      return { ok: false, reason: `unknown action id ${JSON.stringify(a.id)}` };
  }
}

/**
 * Validates an issue rule body. Fields left out keep `base` (the stored rule on PUT) or
 * take the defaults; the first problem found is reported with the field it concerns.
 */
export function parseIssueRuleDraft(body: Fields, base?: IssueRuleDraft): Parsed<IssueRuleDraft> {
  const name = field.string(body, 'name', 256, base?.name);
  if (!name.ok) return name;
  if (name.value === null || name.value.trim() === '') return { ok: false, reason: 'name is required' };
  const conditions =
    body.conditions === undefined && base ? { ok: true as const, value: base.conditions } : list(body.conditions, 'conditions', parseCondition);
  if (!conditions.ok) return conditions;
  if (conditions.value.length === 0) return { ok: false, reason: 'conditions must have at least one trigger' };
  const filters = body.filters === undefined && base ? { ok: true as const, value: base.filters } : list(body.filters, 'filters', parseFilter);
  if (!filters.ok) return filters;
  const actions = body.actions === undefined && base ? { ok: true as const, value: base.actions } : list(body.actions, 'actions', parseAction);
  if (!actions.ok) return actions;
  if (actions.value.length === 0) return { ok: false, reason: 'actions must have at least one action' };
  const actionMatch = field.oneOf(body, 'actionMatch', matchModes, base?.actionMatch ?? 'all');
  if (!actionMatch.ok) return actionMatch;
  const filterMatch = field.oneOf(body, 'filterMatch', matchModes, base?.filterMatch ?? 'all');
  if (!filterMatch.ok) return filterMatch;
  const frequency = field.integer(body, 'frequency', MIN_FREQUENCY_MINUTES, MAX_FREQUENCY_MINUTES, base?.frequencyMinutes ?? 30);
  if (!frequency.ok) return frequency;
  const environment = field.string(body, 'environment', 64, base?.environment ?? null);
  if (!environment.ok) return environment;
  const status = field.oneOf(body, 'status', ['active', 'disabled'] as const, base?.status ?? 'active');
  if (!status.ok) return status;
  const owner = body.owner === undefined ? { ok: true as const, value: base?.owner ?? null } : parseOwner(body.owner);
  if (!owner.ok) return owner;
  const runbookUrl = body.runbookUrl === undefined ? { ok: true as const, value: base?.runbookUrl ?? null } : parseUrl(body.runbookUrl, 'runbookUrl');
  if (!runbookUrl.ok) return runbookUrl;
  const triageNotes = field.string(body, 'triageNotes', 4000, base?.triageNotes ?? null);
  if (!triageNotes.ok) return triageNotes;
  return {
    ok: true,
    value: {
      name: name.value.trim(),
      conditions: conditions.value,
      filters: filters.value,
      actions: actions.value,
      actionMatch: actionMatch.value,
      filterMatch: filterMatch.value,
      frequencyMinutes: frequency.value,
      environment: environment.value === '' ? null : environment.value,
      status: status.value,
      owner: owner.value,
      runbookUrl: runbookUrl.value,
      triageNotes: triageNotes.value === '' ? null : triageNotes.value,
    },
  };
}
