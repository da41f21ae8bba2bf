// AST → query text that parses back to the same AST (spans aside), so the UI can drop or edit
// one chip and rewrite the query. Output is canonical: filters first, then free text; aliases
// become their main key (`muted` → `ignored`, `id:` → `issue.id:`); quotes only where needed.
import type { Assignee, IssueFilter, IssueQuery, ReleaseMatch } from './issue-query.js';
import { needsExplicitTagSyntax } from './search-keys.js';
import { formatTimeValue } from './time-value.js';

export function formatIssueQuery(query: IssueQuery): string {
  const terms = query.filters.map(formatIssueFilter);
  for (const word of query.text) if (word !== '') terms.push(formatText(word));
  return terms.join(' ');
}

export function formatIssueFilter(filter: IssueFilter): string {
  const [key, value] = keyAndValue(filter);
  return `${filter.negated ? '!' : ''}${key}:${value}`;
}

function keyAndValue(f: IssueFilter): [string, string] {
  switch (f.kind) {
    case 'status':
      return ['is', f.status];
    case 'flag':
      return ['is', f.flag];
    case 'has':
      return ['has', list([value(f.key)])];
    case 'assigned':
      return [f.key, list(f.assignees.map(assignee))];
    case 'level':
      return ['level', list([...f.levels])];
    case 'category':
      return ['issue.category', list([...f.categories])];
    case 'issueType':
      return ['issue.type', list(f.types.map((t) => value(t)))];
    case 'environment':
      return ['environment', list(f.values.map(match))];
    case 'release':
      return [f.field, list(f.values.map(match))];
    case 'user':
      return [`user.${f.field}`, list(f.values.map(match))];
    case 'text':
      return [f.field, list(f.values.map(match))];
    case 'time':
      return [f.key, formatTimeValue(f.value)];
    case 'count':
      return [f.field, `${f.op === '=' ? '' : f.op}${f.value}`];
    case 'issueId':
      return ['issue.id', list(f.ids.map(String))];
    case 'shortId':
      return ['issue', list(f.shortIds.map((id) => value(id)))];
    case 'tag':
      return [needsExplicitTagSyntax(f.key) ? `tags[${f.key}]` : f.key, list(f.values.map(match))];
  }
}

/** Values are kept as escaped source pieces until `list` decides on quoting. */
type Piece = { readonly escaped: string; readonly forceQuote: boolean };

const escapeLiteral = (text: string): string => text.replace(/[\\"*]/g, '\\$&');
const value = (text: string): Piece => ({ escaped: escapeLiteral(text), forceQuote: false });

function match(m: ReleaseMatch): Piece {
  if (m.type === 'latest') return { escaped: 'latest', forceQuote: false };
  if (m.type === 'glob') return { escaped: m.parts.map(escapeLiteral).join('*'), forceQuote: false };
  // A release literally named "latest" must be quoted to stay a name.
  return { escaped: escapeLiteral(m.value), forceQuote: m.value === 'latest' };
}

function assignee(a: Assignee): Piece {
  switch (a.type) {
    case 'me':
    case 'none':
    case 'my_teams':
      return value(a.type);
    case 'team':
      return value(`#${a.slug}`);
    case 'user':
      return value(a.value);
  }
}

function list(items: readonly (Piece | string)[]): string {
  const pieces = items.map((p) => (typeof p === 'string' ? value(p) : p));
  if (pieces.length === 1) return quoteIfNeeded(pieces[0] as Piece, false);
  return `[${pieces.map((p) => quoteIfNeeded(p, true)).join(', ')}]`;
}

/** One literal value as it must be written (escaped, quoted when needed). */
export function formatLiteral(text: string, inList = false): string {
  return quoteIfNeeded(value(text), inList);
}

function quoteIfNeeded(p: Piece, inList: boolean): string {
  const bare = !p.forceQuote && p.escaped !== '' && !/\s/.test(p.escaped) && !/^["[<>=]/.test(p.escaped) && !(inList && /[,\]]/.test(p.escaped));
  return bare ? p.escaped : `"${p.escaped}"`;
}

const LOOKS_LIKE_FILTER = /^(?:tags\[[^\]\s]*\]|[A-Za-z0-9_.-]+):/;

function formatText(word: string): string {
  const bare = !/\s/.test(word) && !/^["!]/.test(word) && word !== 'OR' && word !== 'AND' && !LOOKS_LIKE_FILTER.test(word);
  return bare ? word : `"${word.replace(/[\\"]/g, '\\$&')}"`;
}
