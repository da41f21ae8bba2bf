// A forgiving tokenizer for the issue search syntax (docs/search.md), for the search bar:
// it never throws, and unfinished input (`level:`, `title:"time`) still yields terms.

export interface SearchTerm {
  /** Offsets into the query: `query.slice(start, end)` is the whole term. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly negated: boolean;
  /** null for free text. `tags[x]:` gives `x`. */
  readonly key: string | null;
  /** Offset just after the colon (free text: the start). */
  readonly valueStart: number;
  /** `>`, `>=`, `<`, `<=`, `=` or ''. */
  readonly operator: string;
  /** The value with quotes and escapes removed; for a list, the items. */
  readonly values: readonly string[];
  readonly isList: boolean;
}

export const KEY_PREFIX = /^(?:tags\[([^\]\s]*)\]|([A-Za-z0-9_.-]+)):/;
const COMPARABLE = new Set(['firstSeen', 'lastSeen', 'age', 'timesSeen', 'userCount']);

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Removes surrounding quotes and `\"`, `\\` escapes; an unclosed quote is read to the end. */
export function unquote(s: string): string {
  const t = s.trim();
  if (!t.startsWith('"')) return t.replace(/\\(["\\*])/g, '$1');
  const inner = t.length > 1 && t.endsWith('"') && t[t.length - 2] !== '\\' ? t.slice(1, -1) : t.slice(1);
  return inner.replace(/\\(["\\*])/g, '$1');
}

/** Splits `[a, "b, c", d]` into items (commas inside quotes stay). */
export function splitList(s: string): string[] {
  const body = s.replace(/^\[/, '').replace(/\]$/, '');
  const items: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted && c === '\\') {
      cur += c + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  items.push(cur);
  return items.map(unquote).filter((v) => v !== '');
}

/** Whitespace-separated terms; quotes and `[…]` may hold spaces. */
export function tokenizeSearch(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && isSpace(query[i])) i++;
    if (i >= query.length) break;
    const start = i;
    let quoted = false;
    let depth = 0;
    for (; i < query.length; i++) {
      const c = query[i];
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '[') depth++;
      else if (c === ']') depth = Math.max(0, depth - 1);
      else if (depth === 0 && isSpace(c)) break;
    }
    terms.push(parseTerm(query.slice(start, i), start));
  }
  return terms;
}

function parseTerm(raw: string, start: number): SearchTerm {
  const end = start + raw.length;
  const negated = raw.startsWith('!') && KEY_PREFIX.test(raw.slice(1));
  const body = negated ? raw.slice(1) : raw;
  const m = KEY_PREFIX.exec(body);
  if (!m) return { start, end, raw, negated: false, key: null, valueStart: start, operator: '', values: [unquote(raw)].filter((v) => v !== ''), isList: false };
  const key = (m[1] ?? m[2]) as string;
  let rest = body.slice(m[0].length);
  let valueStart = start + (negated ? 1 : 0) + m[0].length;
  const op = COMPARABLE.has(key) ? (/^(>=|<=|>|<|=)/.exec(rest)?.[0] ?? '') : '';
  rest = rest.slice(op.length);
  valueStart += op.length;
  const isList = rest.startsWith('[');
  const values = isList ? splitList(rest) : [unquote(rest)].filter((v) => v !== '');
  return { start, end, raw, negated, key, valueStart, operator: op, values, isList };
}

/**
 * A literal value as the syntax wants it: `*` escaped (it is a wildcard otherwise), quoted when it
 * holds spaces, quotes, brackets or commas, or starts like an operator.
 */
export function formatValue(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\*/g, '\\*');
  if (value !== '' && !/[\s"[\],()]/.test(value) && !/^[<>=!]/.test(value)) return escaped;
  return `"${escaped.replace(/"/g, '\\"')}"`;
}
