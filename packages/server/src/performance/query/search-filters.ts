import { fail } from '../../kernel/index.js';

/**
 * Sentry's event search syntax (Sentry product docs, "Search" › "Syntax") as far as the
 * performance datasets need it: `key:value`, `!key:value`, `key:"quoted value"`,
 * `key:[a,b]`, `has:key`, `!has:key`, comparisons `key:>500ms`, `*` wildcards in values, and
 * free text. Terms are ANDed (an explicit `AND` is allowed). `OR` and parentheses are refused
 * with a 400 rather than silently read as AND. One left-to-right pass; no regex is built from
 * the input.
 */
export type FilterOp = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'has';

export interface SearchFilter {
  readonly key: string;
  readonly negated: boolean;
  readonly op: FilterOp;
  /** one or more values (a `[a,b]` list); empty for `has` */
  readonly values: readonly string[];
}

const MAX_QUERY = 2000;
const MAX_TERMS = 50;

export function parseSearchFilters(query: string): SearchFilter[] {
  if (query.length > MAX_QUERY) fail('validation_failed', `query is longer than ${MAX_QUERY} characters`);
  const filters: SearchFilter[] = [];
  let i = 0;
  const n = query.length;
  const freeText: string[] = [];
  while (i < n) {
    while (i < n && query[i] === ' ') i++;
    if (i >= n) break;
    if (query[i] === '(' || query[i] === ')') fail('validation_failed', 'Parentheses are not supported in this query');
    // A term: optional `!`, a key up to `:`, then a value (quoted, a [list], or bare).
    let negated = false;
    if (query[i] === '!') {
      negated = true;
      i++;
    }
    const keyStart = i;
    while (i < n && query[i] !== ':' && query[i] !== ' ' && query[i] !== '"') {
      if (query[i] === '[') {
        // `tags[key]` keys contain brackets
        while (i < n && query[i] !== ']') i++;
      }
      i++;
    }
    const key = query.slice(keyStart, Math.min(i, n));
    if (i >= n || query[i] !== ':') {
      // free text (a bare word or a quoted phrase)
      let word = key;
      if (query[i] === '"') {
        const quoted = readQuoted(query, i);
        word = quoted.value;
        i = quoted.end;
      }
      if (negated) fail('validation_failed', 'Negated free text is not supported');
      if (word === 'OR' || word === 'or') fail('validation_failed', 'OR is not supported in this query; run one query per alternative');
      if (word !== 'AND' && word !== '') freeText.push(word);
      continue;
    }
    i++; // ':'
    if (key === '') fail('validation_failed', 'A filter needs a key before ":"');
    let op: FilterOp = 'eq';
    for (const [text, parsed] of [
      ['>=', 'gte'],
      ['<=', 'lte'],
      ['>', 'gt'],
      ['<', 'lt'],
    ] as const) {
      if (query.startsWith(text, i)) {
        op = parsed;
        i += text.length;
        break;
      }
    }
    let values: string[];
    if (query[i] === '"') {
      const quoted = readQuoted(query, i);
      values = [quoted.value];
      i = quoted.end;
    } else if (query[i] === '[' && op === 'eq') {
      const close = query.indexOf(']', i);
      if (close < 0) fail('validation_failed', `Unclosed [ in the value of ${key}`);
      values = splitList(query.slice(i + 1, close));
      i = close + 1;
    } else {
      const start = i;
      while (i < n && query[i] !== ' ') i++;
      values = [query.slice(start, i)];
    }
    if (key === 'has') {
      filters.push({ key: values[0] ?? '', negated, op: 'has', values: [] });
    } else {
      filters.push({ key, negated, op, values });
    }
    if (filters.length > MAX_TERMS) fail('validation_failed', `A query may hold at most ${MAX_TERMS} filters`);
  }
  if (freeText.length > 0) filters.push({ key: 'message', negated: false, op: 'eq', values: [`*${freeText.join(' ')}*`] });
  return filters;
}

function readQuoted(text: string, at: number): { value: string; end: number } {
  let value = '';
  let i = at + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    value += text[i];
    i++;
  }
  if (i >= text.length) fail('validation_failed', 'Unterminated quoted value in query');
  return { value, end: i + 1 };
}

function splitList(inner: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < inner.length) {
    while (inner[i] === ' ') i++;
    if (inner[i] === '"') {
      const quoted = readQuoted(inner, i);
      out.push(quoted.value);
      i = quoted.end;
    } else {
      const comma = inner.indexOf(',', i);
      const end = comma < 0 ? inner.length : comma;
      out.push(inner.slice(i, end).trim());
      i = end;
    }
    while (inner[i] === ' ') i++;
    if (inner[i] === ',') i++;
  }
  return out.filter((v) => v !== '');
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `500ms`, `1.5s`, `2m`, or a bare number (milliseconds) → milliseconds; null when it is neither. */
export function parseDurationMs(text: string): number | null {
  let i = 0;
  while (i < text.length && (((text[i] as string) >= '0' && (text[i] as string) <= '9') || text[i] === '.')) i++;
  if (i === 0) return null;
  const value = Number(text.slice(0, i));
  const unit = text.slice(i);
  if (!Number.isFinite(value)) return null;
  if (unit === '') return value;
  const factor = DURATION_UNITS[unit];
  return factor === undefined ? null : value * factor;
}
