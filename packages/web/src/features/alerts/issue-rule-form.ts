import type { IssueRuleJson, MatchMode, RuleEntry } from './alert-types.js';
import { ACTION, CONDITION, FILTER, type FilterKind, filterKindOf, type TriggerKind, triggerKindOf } from './rule-ids.js';

/**
 * The issue rule editor's state and its two mappings: from the API's rule JSON, and to the
 * body the API accepts. Number inputs stay strings so a half-typed value is kept as typed;
 * a value that is not a number is sent as is and the server's 400 names the field.
 */
export interface TriggerRow {
  kind: TriggerKind;
  value: string;
  interval: string;
}

export interface FilterRow {
  kind: FilterKind;
  /** level: gte | eq | lte; tag: eq, ne, co, … */
  match: string;
  /** level number, tag value, age value or category number */
  value: string;
  tagKey: string;
  ageComparison: 'older' | 'newer';
  ageUnit: string;
}

export interface EmailTarget {
  targetType: 'Team' | 'Member';
  targetIdentifier: string;
  name: string;
}

export interface IssueRuleForm {
  name: string;
  environment: string;
  actionMatch: MatchMode;
  filterMatch: MatchMode;
  triggers: TriggerRow[];
  filters: FilterRow[];
  /** action interval, minutes */
  frequency: string;
  channels: string[];
  emails: EmailTarget[];
  runbookUrl: string;
  triageNotes: string;
  status: 'active' | 'disabled';
}

export function newTrigger(kind: TriggerKind = 'firstSeen'): TriggerRow {
  return { kind, value: kind === 'userFrequency' ? '5' : '10', interval: '1h' };
}

export function newFilter(kind: FilterKind = 'level'): FilterRow {
  const defaults: Record<FilterKind, Partial<FilterRow>> = {
    level: { match: 'gte', value: '40' },
    tagged: { match: 'eq', value: '' },
    age: { value: '1', ageComparison: 'newer', ageUnit: 'hour' },
    latestRelease: {},
    firstSeenInLatestRelease: {},
    issueCategory: { value: '1' },
  };
  return { kind, match: '', value: '', tagKey: '', ageComparison: 'newer', ageUnit: 'hour', ...defaults[kind] };
}

export function emptyIssueRuleForm(): IssueRuleForm {
  return {
    name: '',
    environment: '',
    actionMatch: 'all',
    filterMatch: 'all',
    triggers: [newTrigger('firstSeen')],
    filters: [],
    frequency: '30',
    channels: [],
    emails: [],
    runbookUrl: '',
    triageNotes: '',
    status: 'active',
  };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function triggerFrom(c: RuleEntry): TriggerRow | undefined {
  const kind = triggerKindOf(c.id);
  if (!kind) return undefined;
  return { kind, value: text(c.value ?? '10'), interval: text(c.interval ?? '1h') };
}

function filterFrom(f: RuleEntry): FilterRow | undefined {
  const kind = filterKindOf(f.id);
  if (!kind) return undefined;
  const row = newFilter(kind);
  switch (kind) {
    case 'level':
      return { ...row, match: text(f.match ?? 'gte'), value: text(f.level) };
    case 'tagged':
      return { ...row, tagKey: text(f.key), match: text(f.match), value: text(f.value) };
    case 'age':
      return { ...row, ageComparison: f.comparison_type === 'older' ? 'older' : 'newer', value: text(f.value), ageUnit: text(f.time) };
    case 'issueCategory':
      return { ...row, value: text(f.value) };
    default:
      return row;
  }
}

export function issueRuleFormFromJson(rule: IssueRuleJson): IssueRuleForm {
  const channels: string[] = [];
  const emails: EmailTarget[] = [];
  for (const a of rule.actions) {
    if (a.id === ACTION.channel) channels.push(text(a.channel));
    else if (a.id === ACTION.email)
      emails.push({ targetType: a.targetType === 'Member' ? 'Member' : 'Team', targetIdentifier: text(a.targetIdentifier), name: text(a.name) });
  }
  return {
    name: rule.name,
    environment: rule.environment ?? '',
    actionMatch: rule.actionMatch,
    filterMatch: rule.filterMatch,
    triggers: rule.conditions.flatMap((c) => triggerFrom(c) ?? []),
    filters: rule.filters.flatMap((f) => filterFrom(f) ?? []),
    frequency: String(rule.frequency),
    channels,
    emails,
    runbookUrl: rule.runbookUrl ?? '',
    triageNotes: rule.triageNotes ?? '',
    status: rule.status,
  };
}

/** Whole numbers go as numbers; anything else as typed, for the server to name the problem. */
function numberOrText(v: string): number | string {
  return /^\s*\d+\s*$/.test(v) ? Number(v) : v;
}

function conditionBody(t: TriggerRow): Record<string, unknown> {
  const id = CONDITION[t.kind];
  if (t.kind === 'eventFrequency' || t.kind === 'userFrequency') return { id, value: numberOrText(t.value), interval: t.interval };
  return { id };
}

function filterBody(f: FilterRow): Record<string, unknown> {
  const id = FILTER[f.kind];
  switch (f.kind) {
    case 'level':
      return { id, match: f.match, level: f.value };
    case 'tagged':
      return { id, key: f.tagKey.trim(), match: f.match, ...(f.match === 'is' || f.match === 'ns' ? {} : { value: f.value }) };
    case 'age':
      return { id, comparison_type: f.ageComparison, value: numberOrText(f.value), time: f.ageUnit };
    case 'issueCategory':
      return { id, value: f.value };
    default:
      return { id };
  }
}

export function issueRuleBody(form: IssueRuleForm): Record<string, unknown> {
  return {
    name: form.name.trim(),
    environment: form.environment.trim() === '' ? null : form.environment.trim(),
    actionMatch: form.actionMatch,
    filterMatch: form.filterMatch,
    conditions: form.triggers.map(conditionBody),
    filters: form.filters.map(filterBody),
    actions: [
      ...form.channels.map((channel) => ({ id: ACTION.channel, channel })),
      ...form.emails.map((e) => ({ id: ACTION.email, targetType: e.targetType, targetIdentifier: e.targetIdentifier })),
    ],
    frequency: numberOrText(form.frequency),
    runbookUrl: form.runbookUrl.trim() === '' ? null : form.runbookUrl.trim(),
    triageNotes: form.triageNotes.trim() === '' ? null : form.triageNotes,
    status: form.status,
  };
}

/** What the live preview needs: only the parts that decide which issues match and how often. */
export function previewBody(form: IssueRuleForm): Record<string, unknown> {
  const { conditions, filters, actionMatch, filterMatch, frequency, environment } = issueRuleBody(form);
  return { conditions, filters, actionMatch, filterMatch, frequency, environment };
}
