// The issues list's `sort` parameter. Sentry's four classic orders, all newest/largest first;
// the SQL side should break ties on the issue id (descending) so cursors stay stable.
import type { QueryError } from './issue-query.js';

export const ISSUE_SORTS = {
  date: { field: 'lastSeen', label: 'Last seen' },
  new: { field: 'firstSeen', label: 'First seen' },
  freq: { field: 'timesSeen', label: 'Events' },
  user: { field: 'userCount', label: 'Users' },
} as const;

export type IssueSortKey = keyof typeof ISSUE_SORTS;

export interface IssueSort {
  readonly key: IssueSortKey;
  readonly field: (typeof ISSUE_SORTS)[IssueSortKey]['field'];
  readonly direction: 'desc';
}

/** Sentry's default order, used when the parameter is absent or empty. */
export const DEFAULT_ISSUE_SORT: IssueSortKey = 'date';

// Sorts Sentry offers that need data Faultline does not keep (priority scores, trends, inbox).
const SENTRY_ONLY = new Set(['priority', 'betterPriority', 'trends', 'inbox', 'recommended']);

export type ParseIssueSortResult = { readonly ok: true; readonly sort: IssueSort } | { readonly ok: false; readonly error: QueryError };

export function parseIssueSort(text: string | undefined): ParseIssueSortResult {
  const word = typeof text === 'string' ? text.trim() : '';
  const key = word === '' ? DEFAULT_ISSUE_SORT : word;
  if (Object.hasOwn(ISSUE_SORTS, key)) {
    const k = key as IssueSortKey;
    return { ok: true, sort: { key: k, field: ISSUE_SORTS[k].field, direction: 'desc' } };
  }
  const valid = (Object.keys(ISSUE_SORTS) as IssueSortKey[]).map((k) => `${k} (${ISSUE_SORTS[k].label.toLowerCase()})`).join(', ');
  const what = SENTRY_ONLY.has(key) ? `sort "${key}" is not supported by Faultline` : `unknown sort "${key}"`;
  const start = typeof text === 'string' ? Math.max(text.indexOf(word), 0) : 0;
  return { ok: false, error: { message: `${what}; use one of: ${valid}`, position: start, length: word.length } };
}
