// Completions for the search box. Works on unfinished text (the parser would refuse `level:`),
// so it scans only the term around the cursor: before a colon it offers keys, after one it
// offers that key's values (or operators for comparable keys). Never throws.
import { formatLiteral } from './format-issue-query.js';
import { lookupSearchKey, needsExplicitTagSyntax, SEARCH_KEYS, type SearchKey } from './search-keys.js';
import { isSpace } from './tokenize-query.js';

export interface KnownTag {
  readonly key: string;
  readonly topValues: readonly string[];
}

export interface QuerySuggestion {
  readonly label: string;
  /** Replaces `text.slice(replaceFrom, replaceTo)`; keys end with `:` so values follow. */
  readonly insert: string;
  readonly kind: 'key' | 'value' | 'operator';
  readonly description: string;
}

export interface QuerySuggestions {
  readonly replaceFrom: number;
  readonly replaceTo: number;
  readonly suggestions: readonly QuerySuggestion[];
}

export const MAX_SUGGESTIONS = 30;

const KEY_CHAR = /[A-Za-z0-9_.-]/;
const KEY_PREFIX = /^(?:tags\[([^\]\s]*)\]|([A-Za-z0-9_.-]+)):/;

const VALUE_NOTES: Readonly<Record<string, string>> = {
  unresolved: 'Open issues',
  resolved: 'Marked resolved',
  ignored: 'Ignored (archived)',
  assigned: 'Has an assignee',
  unassigned: 'Has no assignee',
  regressed: 'Came back after being resolved',
  for_review: 'New or regressed, not yet reviewed',
  me: 'Assigned to you',
  none: 'No assignee',
  my_teams: 'Assigned to one of your teams',
  latest: 'The newest release',
  '-1h': 'Within the last hour',
  '-24h': 'Within the last 24 hours',
  '-7d': 'Within the last 7 days',
  '-30d': 'Within the last 30 days',
  '+7d': 'More than 7 days ago',
  '+30d': 'More than 30 days ago',
};
const OPERATORS: readonly [string, string][] = [
  ['>', 'greater than'],
  ['>=', 'at least'],
  ['<', 'less than'],
  ['<=', 'at most'],
];

export function suggestQuery(text: string, cursor: number, knownTags: readonly KnownTag[]): QuerySuggestions {
  const source = typeof text === 'string' ? text : '';
  const at = Number.isFinite(cursor) ? Math.min(Math.max(Math.trunc(cursor), 0), source.length) : source.length;
  const tags = Array.isArray(knownTags) ? knownTags : [];
  const { start, end } = termAround(source, at);
  const keyStart = source[start] === '!' && start < at ? start + 1 : start;
  const keyMatch = KEY_PREFIX.exec(source.slice(keyStart, end));
  if (keyMatch && keyStart + keyMatch[0].length <= at) {
    const name = (keyMatch[1] ?? keyMatch[2]) as string;
    const spec = keyMatch[1] === undefined ? lookupSearchKey(name) : undefined;
    return valueSuggestions(source, at, end, { name, spec, valueStart: keyStart + keyMatch[0].length }, tags);
  }
  const typed = source.slice(keyStart, at);
  if (!/^[A-Za-z0-9_.-]*$/.test(typed)) return { replaceFrom: at, replaceTo: at, suggestions: [] };
  let replaceTo = at;
  while (replaceTo < end && KEY_CHAR.test(source[replaceTo] as string)) replaceTo++;
  if (source[replaceTo] === ':') replaceTo++;
  return { replaceFrom: keyStart, replaceTo, suggestions: keySuggestions(typed, tags) };
}

/** The whitespace-delimited term containing `at`; quotes and `[…]` lists may hold spaces. */
function termAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let quoted = false;
  let depth = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (i >= at && !quoted && depth === 0 && isSpace(c)) break;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(depth - 1, 0);
    else if (depth === 0 && isSpace(c) && i < at) start = i + 1;
  }
  return { start, end: Math.max(Math.min(i, text.length), at) };
}

function keySuggestions(typed: string, tags: readonly KnownTag[]): QuerySuggestion[] {
  const builtIn: QuerySuggestion[] = SEARCH_KEYS.map((k) => ({ label: k.name, insert: `${k.name}:`, kind: 'key', description: k.description }));
  // Sentry-style tag stores also list `level`, `release`, `environment`…: the built-in key
  // already offers them, so only other tags are added.
  const custom: QuerySuggestion[] = tags
    .filter((t) => typeof t?.key === 'string' && t.key !== '' && !/[\]\s]/.test(t.key) && lookupSearchKey(t.key) === undefined)
    .map((t) => {
      const label = needsExplicitTagSyntax(t.key) ? `tags[${t.key}]` : t.key;
      return { label, insert: `${label}:`, kind: 'key', description: 'Tag' };
    });
  return rank([...builtIn, ...custom], typed, (s) => s.label);
}

interface KeyAtCursor {
  readonly name: string;
  /** Undefined for tags, including `tags[name]:`. */
  readonly spec: SearchKey | undefined;
  /** Just after the colon. */
  readonly valueStart: number;
}

function valueSuggestions(text: string, at: number, end: number, { name, spec, valueStart }: KeyAtCursor, tags: readonly KnownTag[]): QuerySuggestions {
  let from = valueStart;
  const op = spec?.comparable ? /^(>=|<=|>|<|=)/.exec(text.slice(from, end))?.[0] : undefined;
  if (op && from + op.length <= at) from += op.length;
  let to = end;
  const inList = !op && text[from] === '[';
  if (inList) [from, to] = listItemAround(text, from, at, end);
  const typed = text
    .slice(from, at)
    .replace(/^"/, '')
    .replace(/\\(["\\*])/g, '$1');
  const candidates: QuerySuggestion[] = [];
  if (spec?.comparable && !op && typed === '' && !inList) {
    for (const [o, note] of OPERATORS) candidates.push({ label: o, insert: o, kind: 'operator', description: note });
  }
  if (!op) {
    for (const v of valueCandidates(spec, name, tags))
      candidates.push({ label: v, insert: formatLiteral(v, inList), kind: 'value', description: VALUE_NOTES[v] ?? '' });
  }
  return { replaceFrom: from, replaceTo: to, suggestions: rank(candidates, typed, (s) => s.label) };
}

function valueCandidates(spec: SearchKey | undefined, key: string, tags: readonly KnownTag[]): string[] {
  if (spec?.handler === 'has') return tags.map((t) => t.key).filter((k) => typeof k === 'string' && k !== '');
  const known = tags.find((t) => t?.key === (spec?.name ?? key))?.topValues ?? [];
  return [...new Set([...(spec?.values ?? []), ...known.filter((v) => typeof v === 'string' && v !== '')])];
}

/** The list item under the cursor: between the nearest `[`/`,` before it and `,`/`]` after. */
function listItemAround(text: string, open: number, at: number, end: number): [number, number] {
  let from = open + 1;
  let quoted = false;
  for (let i = open + 1; i < at; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') from = i + 1;
  }
  while (from < at && isSpace(text[from])) from++;
  let to = Math.max(at, from);
  for (; to < end; to++) {
    const c = text[to];
    if (quoted) {
      if (c === '\\') to++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ']' || isSpace(c)) break;
  }
  return [from, Math.min(to, end)];
}

/** Prefix matches first, then (from two typed characters on) substring matches; capped. */
function rank(items: QuerySuggestion[], typed: string, label: (s: QuerySuggestion) => string): QuerySuggestion[] {
  const t = typed.toLowerCase();
  const seen = new Set<string>();
  const unique = items.filter((s) => !seen.has(s.kind + s.insert) && seen.add(s.kind + s.insert));
  const prefix = unique.filter((s) => label(s).toLowerCase().startsWith(t));
  const inner = t.length < 2 ? [] : unique.filter((s) => !label(s).toLowerCase().startsWith(t) && label(s).toLowerCase().includes(t));
  return [...prefix, ...inner].slice(0, MAX_SUGGESTIONS);
}
