/**
 * issues/search — the issue search language Sentry users know (`is:unresolved level:error
 * !browser:Chrome* firstSeen:-24h "timed out"`): parse to a typed AST, format back, parse the
 * sort, suggest completions. The issues API compiles the AST into SQL; docs/search.md is the
 * user reference. Pure: no I/O, no store, no clock (callers pass `now`). Must not know about
 * tables or SQL, and never throws on user input — bad queries come back as positioned errors.
 */
export { formatIssueFilter, formatIssueQuery, formatLiteral } from './format-issue-query.js';
export {
  type Assignee,
  type ComparisonOp,
  DEFAULT_ISSUE_QUERY,
  FOR_REVIEW_WINDOW_MS,
  ISSUE_FLAGS,
  ISSUE_LEVELS,
  ISSUE_STATUSES,
  type IssueFilter,
  type IssueFilterKind,
  type IssueFlag,
  type IssueLevel,
  type IssueQuery,
  type IssueStatus,
  MAX_QUERY_LENGTH,
  type ParseIssueQueryResult,
  type QueryError,
  type RelativeUnit,
  type ReleaseMatch,
  type Span,
  type StringMatch,
  type TimeRange,
  type TimeValue,
} from './issue-query.js';
export { parseIssueQuery } from './parse-issue-query.js';
export { DEFAULT_ISSUE_SORT, ISSUE_SORTS, type IssueSort, type IssueSortKey, type ParseIssueSortResult, parseIssueSort } from './parse-issue-sort.js';
export { queryErrorDetail } from './query-error-detail.js';
export { SEARCH_KEYS, type SearchKey } from './search-keys.js';
export { type KnownTag, MAX_SUGGESTIONS, type QuerySuggestion, type QuerySuggestions, suggestQuery } from './suggest-query.js';
export { DATETIME_WINDOW_MS } from './time-value.js';
