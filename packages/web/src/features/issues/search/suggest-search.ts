// What the search bar offers at the cursor: keys while a key is typed, that key's values
// after `key:` (fixed values, the project's tag values, operators for counts and times).
import { keySpec, SEARCH_KEYS, VALUE_NOTES } from './search-keys.js';
import { formatValue, isSpace, KEY_PREFIX, splitList, unquote } from './tokenize-search.js';

export interface KnownTag {
  readonly key: string;
  readonly topValues: readonly string[];
}

export interface Suggestion {
  readonly kind: 'key' | 'value' | 'operator';
  readonly label: string;
  /** Replaces `query.slice(from, to)` of the suggestions result. */
  readonly insert: string;
  readonly description: string;
}

export interface Suggestions {
  readonly from: number;
  readonly to: number;
  readonly items: readonly Suggestion[];
}

export const MAX_SUGGESTIONS = 12;
const OPERATORS: [string, string][] = [
  ['>', 'more than'],
  ['>=', 'at least'],
  ['<', 'less than'],
  ['<=', 'at most'],
];

/** The term under the cursor: its start and end (quotes and `[…]` may contain spaces). */
function termAt(query: string, cursor: number): { start: number; end: number } {
  let start = 0;
  let quoted = false;
  let depth = 0;
  let i = 0;
  for (; i < query.length; i++) {
    const c = query[i];
    if (i >= cursor && !quoted && depth === 0 && isSpace(c)) break;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSpace(c) && i < cursor) start = i + 1;
  }
  return { start, end: Math.max(Math.min(i, query.length), cursor) };
}

export function suggestSearch(query: string, cursor: number, tags: readonly KnownTag[]): Suggestions {
  const at = Math.max(0, Math.min(cursor, query.length));
  const { start, end } = termAt(query, at);
  const keyStart = query[start] === '!' && at > start ? start + 1 : start;
  const m = KEY_PREFIX.exec(query.slice(keyStart, end));
  if (m && keyStart + m[0].length <= at) return valueSuggestions(query, at, end, (m[1] ?? m[2]) as string, keyStart + m[0].length, tags);
  const typed = query.slice(keyStart, at);
  if (!/^[A-Za-z0-9_.-]*$/.test(typed)) return { from: at, to: at, items: [] };
  let to = at;
  while (to < end && /[A-Za-z0-9_.-]/.test(query[to] ?? '')) to++;
  if (query[to] === ':') to++;
  const builtIn: Suggestion[] = SEARCH_KEYS.map((k) => ({ kind: 'key', label: `${k.name}:`, insert: `${k.name}:`, description: k.description }));
  const custom: Suggestion[] = tags
    .filter((t) => t.key && !keySpec(t.key) && !/[\s\]]/.test(t.key))
    .map((t) => {
      const name = /^[A-Za-z0-9_.-]+$/.test(t.key) ? t.key : `tags[${t.key}]`;
      return { kind: 'key', label: `${name}:`, insert: `${name}:`, description: 'Tag' };
    });
  return { from: keyStart, to, items: rank([...builtIn, ...custom], typed) };
}

/**
 * The tag key whose value is being typed at the cursor and the typed part (unquoted, the
 * current list item), so the page can ask the server for matching values; null elsewhere.
 */
export function valueContext(query: string, cursor: number): { key: string; typed: string } | null {
  const at = Math.max(0, Math.min(cursor, query.length));
  const { start, end } = termAt(query, at);
  const keyStart = query[start] === '!' && at > start ? start + 1 : start;
  const m = KEY_PREFIX.exec(query.slice(keyStart, end));
  if (!m || keyStart + m[0].length > at) return null;
  const key = (m[1] ?? m[2]) as string;
  const spec = keySpec(key);
  const tagKey = spec ? spec.tag : key;
  if (!tagKey) return null;
  let typed = query.slice(keyStart + m[0].length, at);
  if (typed.startsWith('[')) typed = typed.slice(typed.lastIndexOf(',') + 1).replace(/^\[/, '');
  return { key: tagKey, typed: unquote(typed) };
}

function valueSuggestions(query: string, at: number, end: number, key: string, valueStart: number, tags: readonly KnownTag[]): Suggestions {
  const spec = keySpec(key);
  let from = valueStart;
  const op = spec?.comparable ? /^(>=|<=|>|<|=)/.exec(query.slice(from, end))?.[0] : undefined;
  if (op && from + op.length <= at) from += op.length;
  let to = end;
  const inList = !op && query[from] === '[';
  if (inList) {
    // Only the list item under the cursor is replaced.
    const before = query.slice(from + 1, at);
    const lastComma = before.lastIndexOf(',');
    from = from + 1 + (lastComma + 1);
    while (from < at && isSpace(query[from])) from++;
    to = at;
    while (to < end && query[to] !== ',' && query[to] !== ']') to++;
  }
  const typed = unquote(query.slice(from, at));
  const items: Suggestion[] = [];
  if (spec?.comparable && !op && typed === '') for (const [o, note] of OPERATORS) items.push({ kind: 'operator', label: o, insert: o, description: note });
  if (!op || spec?.comparable) {
    const already = inList ? new Set(splitList(query.slice(valueStart, end))) : new Set<string>();
    for (const v of valueCandidates(key, tags)) {
      if (already.has(v) && v !== typed) continue;
      items.push({ kind: 'value', label: v, insert: formatValue(v) + (inList ? '' : ' '), description: VALUE_NOTES[v] ?? '' });
    }
  }
  return { from, to, items: rank(items, typed) };
}

function valueCandidates(key: string, tags: readonly KnownTag[]): string[] {
  const spec = keySpec(key);
  if (spec?.name === 'has') return tags.map((t) => t.key);
  const tagKey = spec ? spec.tag : key;
  const fromTags = tagKey ? (tags.find((t) => t.key === tagKey)?.topValues ?? []) : [];
  return [...new Set([...(spec?.values ?? []), ...fromTags])].filter((v) => v !== '');
}

/** Prefix matches first, then (from two characters on) matches inside; case-insensitive. */
function rank(items: Suggestion[], typed: string): Suggestion[] {
  const t = typed.toLowerCase();
  const label = (s: Suggestion) => s.label.toLowerCase().replace(/:$/, '');
  const prefix = items.filter((s) => label(s).startsWith(t));
  const inner = t.length < 2 ? [] : items.filter((s) => !label(s).startsWith(t) && label(s).includes(t));
  const exact = prefix.length === 1 && label(prefix[0] as Suggestion) === t && (prefix[0] as Suggestion).kind !== 'key';
  return exact ? [] : [...prefix, ...inner].slice(0, MAX_SUGGESTIONS);
}

/** Applies a suggestion: the new query and where the cursor goes. */
export function applySuggestion(query: string, s: Suggestions, item: Suggestion): { query: string; cursor: number } {
  const rest = query.slice(s.to);
  const insert = item.insert.endsWith(' ') && /^\s/.test(rest) ? item.insert.slice(0, -1) : item.insert;
  const cursor = s.from + insert.length + (insert === item.insert ? 0 : 1);
  return { query: query.slice(0, s.from) + insert + rest, cursor };
}
