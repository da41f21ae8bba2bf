// Terms → typed filters, one handler per built-in key (search-keys.ts); anything else is a tag.
// Sentry's issue search (docs.sentry.io/concepts/search/, 2025) is the reference for syntax
// and meaning; where we differ or choose, docs/search.md says so.
import {
  assigneeValue,
  categoryValue,
  countValue,
  issueIdValue,
  isValue,
  levelValue,
  plainText,
  releaseMatch,
  shortIdValue,
  stringMatch,
} from './filter-values.js';
import { type IssueFilter, MAX_QUERY_LENGTH, type ParseIssueQueryResult } from './issue-query.js';
import { lookupSearchKey, SEARCH_KEYS, type SearchKey, UNSUPPORTED_KEYS } from './search-keys.js';
import { parseTimeValue, timeRange } from './time-value.js';
import { type FilterTerm, fail, QueryFault, tokenizeQuery } from './tokenize-query.js';

/**
 * Parses an issue search. `now` (ms) anchors relative times. Never throws: a malformed query
 * comes back as `{ ok: false, error }` with the offending span, ready for a 400 response.
 */
export function parseIssueQuery(text: string, now: number): ParseIssueQueryResult {
  if (typeof text !== 'string') return { ok: false, error: { message: 'the query must be a string', position: 0, length: 0 } };
  if (text.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      error: { message: `the query is too long (at most ${MAX_QUERY_LENGTH} characters)`, position: MAX_QUERY_LENGTH, length: text.length - MAX_QUERY_LENGTH },
    };
  }
  try {
    const filters: IssueFilter[] = [];
    const words: string[] = [];
    for (const term of tokenizeQuery(text)) {
      if (term.type === 'text') words.push(term.text);
      else filters.push(toFilter(term, now));
    }
    return { ok: true, query: { filters, text: words } };
  } catch (e) {
    if (e instanceof QueryFault) return { ok: false, error: e.error };
    throw e;
  }
}

const COMPARABLE = SEARCH_KEYS.filter((k) => k.comparable)
  .map((k) => k.name)
  .join(', ');

function toFilter(term: FilterTerm, now: number): IssueFilter {
  const label = `${term.key}:`;
  const spec = term.explicitTag ? undefined : lookupSearchKey(term.key);
  if (!term.explicitTag && !spec) {
    const why = UNSUPPORTED_KEYS.get(term.key);
    if (why)
      fail(`${label} is not supported: ${why} (to search a tag with this name, write tags[${term.key}]:value)`, term.keySpan.position, term.keySpan.length);
  }
  if (term.op !== null && term.opSpan !== null && !spec?.comparable) {
    fail(`${label} does not take ${term.op}: only ${COMPARABLE} compare; quote the value to search for "${term.op}"`, term.opSpan.position, term.opSpan.length);
  }
  if (term.isList && spec && !spec.list) {
    const listStart = term.keySpan.position + term.keySpan.length;
    fail(`${label} takes a single value, not a list`, listStart, term.span.position + term.span.length - listStart);
  }
  const base = { negated: term.negated, span: term.span };
  if (!spec) return { ...base, kind: 'tag', key: term.key, values: term.values.map((v) => stringMatch(v, label)) };
  return handle(spec, term, base, now);
}

type Base = Pick<IssueFilter, 'negated' | 'span'>;

function handle(spec: SearchKey, term: FilterTerm, base: Base, now: number): IssueFilter {
  const label = `${term.key}:`;
  const values = term.values;
  const single = values[0];
  if (single === undefined) return fail(`${label} needs a value`, term.span.position, term.span.length);
  switch (spec.handler) {
    case 'is': {
      const v = isValue(single);
      return 'status' in v ? { ...base, kind: 'status', status: v.status } : { ...base, kind: 'flag', flag: v.flag };
    }
    case 'has':
      return { ...base, kind: 'has', key: plainText(single, label) };
    case 'assigned':
      return {
        ...base,
        kind: 'assigned',
        key: spec.name === 'assigned' ? 'assigned' : 'assigned_or_suggested',
        assignees: values.map((v) => assigneeValue(v, label)),
      };
    case 'level':
      return { ...base, kind: 'level', levels: values.map(levelValue) };
    case 'category':
      return { ...base, kind: 'category', categories: values.map(categoryValue) };
    case 'issueType':
      return { ...base, kind: 'issueType', types: values.map((v) => plainText(v, label)) };
    case 'environment':
      return { ...base, kind: 'environment', values: values.map((v) => stringMatch(v, label)) };
    case 'release':
      return { ...base, kind: 'release', field: spec.name === 'release' ? 'release' : 'firstRelease', values: values.map((v) => releaseMatch(v, label)) };
    case 'user':
      return {
        ...base,
        kind: 'user',
        field: spec.name.slice('user.'.length) as 'id' | 'email' | 'username' | 'ip',
        values: values.map((v) => stringMatch(v, label)),
      };
    case 'text':
      return { ...base, kind: 'text', field: spec.name as 'message' | 'title' | 'culprit', values: values.map((v) => stringMatch(v, label)) };
    case 'time': {
      const parsed = parseTimeValue(plainText(single, label), term.op, term.key);
      if (!parsed.ok) return fail(parsed.message, single.span.position, single.span.length);
      const key = spec.name as 'firstSeen' | 'lastSeen' | 'age';
      return { ...base, kind: 'time', key, field: key === 'lastSeen' ? 'lastSeen' : 'firstSeen', value: parsed.value, range: timeRange(parsed.value, now) };
    }
    case 'count':
      return { ...base, kind: 'count', field: spec.name as 'timesSeen' | 'userCount', op: term.op ?? '=', value: countValue(single, label) };
    case 'issueId':
      return { ...base, kind: 'issueId', ids: values.map((v) => issueIdValue(v, label)) };
    case 'shortId':
      return { ...base, kind: 'shortId', shortIds: values.map(shortIdValue) };
  }
}
