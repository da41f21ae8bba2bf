import { createHash } from 'node:crypto';

/**
 * Names and descriptions as the performance views group them. Raw-URL transaction names and
 * span descriptions carry ids and literals; grouping by them as sent would give one row per
 * user. Sentry normalizes both (Sentry product docs, "Transaction Name Grouping" and
 * "Span Grouping"): ids in URL paths become `*`, SQL literals become `%s`, HTTP client spans
 * group by method and host. Every function here is one linear pass over a bounded input.
 */

/** Inputs longer than this are cut before normalizing, so the cost per span stays bounded. */
const MAX_INPUT = 2048;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG_HEX = /^[0-9a-f]{12,}$/i;
const DIGITS = /^\d+$/;
const HAS_DIGIT = /\d/;

/** `/users/17/orders/9f86d081884c7d65` → `/users/*\/orders/*`; query and fragment dropped. */
export function normalizeUrlName(name: string): string {
  let text = name.slice(0, MAX_INPUT);
  const cut = firstIndexOf(text, '?#');
  if (cut >= 0) text = text.slice(0, cut);
  // `GET /users/17`: keep the method in front of the path.
  const space = text.indexOf(' ');
  const prefix = space > 0 && space < 10 ? text.slice(0, space + 1) : '';
  const path = text.slice(prefix.length);
  const segments = path.split('/').map((segment) => (isIdSegment(segment) ? '*' : segment));
  return prefix + segments.join('/');
}

function isIdSegment(segment: string): boolean {
  if (segment === '') return false;
  return DIGITS.test(segment) || UUID.test(segment) || (LONG_HEX.test(segment) && HAS_DIGIT.test(segment));
}

function firstIndexOf(text: string, chars: string): number {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i] as string)) return i;
  return -1;
}

/** The description a span groups by, for its op's family (db, http, everything else as sent). */
export function normalizeSpanDescription(op: string, description: string): string {
  const text = description.slice(0, MAX_INPUT);
  if (op === 'db' || op.startsWith('db.') || op === 'cache' || op.startsWith('cache.')) return normalizeSql(text);
  if (op === 'http.client' || op === 'http') return normalizeHttpDescription(text);
  return text.length > 200 ? text.slice(0, 200) : text;
}

/** `GET https://api.example.com/users/1?x=2` → `GET https://api.example.com`. */
function normalizeHttpDescription(text: string): string {
  const space = text.indexOf(' ');
  const method = space > 0 ? text.slice(0, space) : '';
  const rest = (space > 0 ? text.slice(space + 1) : text).trim();
  try {
    const url = new URL(rest);
    return `${method} ${url.protocol}//${url.host}`.trim();
  } catch {
    return method === '' ? normalizeUrlName(rest) : `${method} ${normalizeUrlName(rest)}`;
  }
}

const isWordChar = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * SQL with its literals and placeholders as `%s`, whitespace collapsed and `IN (%s, %s, …)`
 * folded to `IN (%s)`, so `WHERE id = 7` and `WHERE id = $1` group together.
 */
export function normalizeSql(sql: string): string {
  const out: string[] = [];
  let i = 0;
  const n = sql.length;
  const push = (token: string) => out.push(token);
  while (i < n) {
    const c = sql[i] as string;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      while (i < n && /\s/.test(sql[i] as string)) i++;
      push(' ');
    } else if (c === "'") {
      // a string literal; '' inside it is an escaped quote
      i++;
      while (i < n) {
        if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") {
          i++;
          break;
        } else i++;
      }
      push('%s');
    } else if (c === '$' && i + 1 < n && isDigit(sql[i + 1] as string)) {
      i++;
      while (i < n && isDigit(sql[i] as string)) i++;
      push('%s');
    } else if (c === '?') {
      i++;
      push('%s');
    } else if (isDigit(c) || (c === '-' && isDigit(sql[i + 1] ?? '') && !isWordChar(lastChar(out)))) {
      i++;
      while (i < n && (isDigit(sql[i] as string) || sql[i] === '.')) i++;
      push('%s');
    } else if (isWordChar(c)) {
      const start = i;
      while (i < n && isWordChar(sql[i] as string)) i++;
      push(sql.slice(start, i));
    } else {
      i++;
      push(c);
    }
  }
  return foldPlaceholderLists(out.join('').trim());
}

function lastChar(out: readonly string[]): string {
  const last = out[out.length - 1];
  return last === undefined || last === '' ? ' ' : (last[last.length - 1] as string);
}

/** `(%s, %s, %s)` → `(%s)` in one pass. */
function foldPlaceholderLists(text: string): string {
  let result = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('(%s', i)) {
      let j = i + 3;
      let repeats = 0;
      for (;;) {
        let k = j;
        while (text[k] === ' ') k++;
        if (text[k] !== ',') break;
        k++;
        while (text[k] === ' ') k++;
        if (!text.startsWith('%s', k)) break;
        j = k + 2;
        repeats++;
      }
      if (text[j] === ')' && repeats > 0) {
        result += '(%s)';
        i = j + 1;
        continue;
      }
    }
    result += text[i];
    i++;
  }
  return result;
}

/** Sentry's span group: the first 16 hex digits of the MD5 of the normalized description. */
export function spanGroup(normalizedDescription: string): string {
  return createHash('md5').update(normalizedDescription).digest('hex').slice(0, 16);
}
