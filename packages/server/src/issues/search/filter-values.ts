// Raw values → validated AST values. Every refusal names the key, shows the offending value
// and, where the set is closed, lists what is accepted.
import {
  type Assignee,
  ISSUE_CATEGORY_NAMES,
  ISSUE_FLAGS,
  ISSUE_LEVELS,
  ISSUE_STATUSES,
  type IssueCategoryName,
  type IssueFlag,
  type IssueLevel,
  type IssueStatus,
  type ReleaseMatch,
  type StringMatch,
} from './issue-query.js';
import { fail, type RawValue } from './tokenize-query.js';

const errorAt = (value: RawValue, message: string): never => fail(message, value.span.position, value.span.length);

export function stringMatch(value: RawValue, label: string): StringMatch {
  if (value.parts.length === 1) {
    const text = value.parts[0] as string;
    if (text === '') errorAt(value, `${label} needs a value (for "not set", use !has:key)`);
    return { type: 'exact', value: text };
  }
  return { type: 'glob', parts: value.parts };
}

/** The literal text of a value where wildcards make no sense (statuses, ids, levels…). */
export function plainText(value: RawValue, label: string): string {
  if (value.parts.length > 1) errorAt(value, `${label} does not accept wildcards (*)`);
  const text = value.parts[0] as string;
  if (text === '') errorAt(value, `${label} needs a value`);
  return text;
}

export function releaseMatch(value: RawValue, label: string): ReleaseMatch {
  const match = stringMatch(value, label);
  // Quoting keeps a release literally named "latest" searchable.
  return match.type === 'exact' && match.value === 'latest' && !value.quoted ? { type: 'latest' } : match;
}

const STATUS_WORDS: ReadonlyMap<string, IssueStatus> = new Map([
  ...ISSUE_STATUSES.map((s) => [s, s] as const),
  // Sentry renamed "ignored" to "archived"; "muted" is its older name.
  ['muted', 'ignored'],
  ['archived', 'ignored'],
]);
const IS_VALUES = `${ISSUE_STATUSES.join(', ')} (or muted, archived), ${ISSUE_FLAGS.join(', ')}`;

export function isValue(value: RawValue): { status: IssueStatus } | { flag: IssueFlag } {
  const word = plainText(value, 'is:').toLowerCase();
  const status = STATUS_WORDS.get(word);
  if (status) return { status };
  const flag = ISSUE_FLAGS.find((f) => f === word);
  if (flag) return { flag };
  return errorAt(value, `unknown is: value "${word}"; use one of: ${IS_VALUES}`);
}

// The same aliases ingest accepts (Relay's Level::from_str), so a level seen in an event can
// be searched by the name the SDK sent.
const LEVEL_WORDS: ReadonlyMap<string, IssueLevel> = new Map([
  ...ISSUE_LEVELS.map((l) => [l, l] as const),
  ['critical', 'fatal'],
  ['warn', 'warning'],
  ['log', 'info'],
]);

export function categoryValue(value: RawValue): IssueCategoryName {
  const word = plainText(value, 'issue.category:').toLowerCase();
  return (ISSUE_CATEGORY_NAMES as readonly string[]).includes(word)
    ? (word as IssueCategoryName)
    : errorAt(value, `unknown issue category "${word}"; use one of: ${ISSUE_CATEGORY_NAMES.join(', ')}`);
}

export function levelValue(value: RawValue): IssueLevel {
  const word = plainText(value, 'level:');
  return LEVEL_WORDS.get(word.toLowerCase()) ?? errorAt(value, `unknown level "${word}"; use one of: ${ISSUE_LEVELS.join(', ')}`);
}

export function assigneeValue(value: RawValue, label: string): Assignee {
  const text = plainText(value, label);
  const word = text.toLowerCase();
  if (word === 'me' || word === 'none' || word === 'my_teams') return { type: word };
  if (text.startsWith('#')) {
    if (text.length === 1) errorAt(value, `${label} needs a team slug after #, as in #backend`);
    return { type: 'team', slug: text.slice(1) };
  }
  return { type: 'user', value: text };
}

const COUNT = /^(\d+(?:\.\d+)?)([kmb])?$/i;
const SCALE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/** A whole count; Sentry's k/m/b suffixes are accepted (`timesSeen:>1.5k`). */
export function countValue(value: RawValue, label: string): number {
  const text = plainText(value, label);
  const m = COUNT.exec(text);
  const n = m ? Number(m[1]) * (SCALE[(m[2] ?? '').toLowerCase()] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(n)) errorAt(value, `${label} expects a whole number such as 10 or 1k, got "${text}"`);
  return n;
}

export function issueIdValue(value: RawValue, label: string): number {
  const text = plainText(value, label);
  const n = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) errorAt(value, `${label} expects a numeric issue id, got "${text}"`);
  return n;
}

const SHORT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*-[A-Za-z0-9]+$/;

export function shortIdValue(value: RawValue): string {
  const text = plainText(value, 'issue:');
  if (!SHORT_ID.test(text)) errorAt(value, `issue: expects a short issue id such as BACKEND-1A, got "${text}"`);
  return text.toUpperCase();
}
