// Edits of the query text that the list's controls make: status tabs and the release filter
// live in the query (as in Sentry), so the URL keeps one source of truth.
import { formatValue, type SearchTerm, tokenizeSearch } from './tokenize-search.js';

export type StatusTab = 'unresolved' | 'for_review' | 'regressed' | 'resolved' | 'ignored' | 'all';

export const STATUS_TABS: readonly { key: StatusTab; label: string; query: string }[] = [
  { key: 'unresolved', label: 'Unresolved', query: 'is:unresolved' },
  { key: 'for_review', label: 'For review', query: 'is:unresolved is:for_review' },
  { key: 'regressed', label: 'Regressed', query: 'is:regressed' },
  { key: 'resolved', label: 'Resolved', query: 'is:resolved' },
  { key: 'ignored', label: 'Ignored', query: 'is:ignored' },
  { key: 'all', label: 'All', query: '' },
];

const STATUS_VALUES = new Set(['unresolved', 'resolved', 'ignored', 'archived', 'muted', 'regressed', 'for_review']);

function isStatusTerm(t: SearchTerm): boolean {
  return t.key === 'is' && !t.negated && t.values.length === 1 && STATUS_VALUES.has((t.values[0] as string).toLowerCase());
}

/** The tab a query belongs to: the most specific status filter in it; none means All. */
export function statusTabOf(query: string): StatusTab {
  const statuses = new Set(
    tokenizeSearch(query)
      .filter(isStatusTerm)
      .map((t) => (t.values[0] as string).toLowerCase()),
  );
  if (statuses.has('for_review')) return 'for_review';
  if (statuses.has('regressed')) return 'regressed';
  if (statuses.has('resolved')) return 'resolved';
  if (statuses.has('ignored') || statuses.has('archived') || statuses.has('muted')) return 'ignored';
  if (statuses.has('unresolved')) return 'unresolved';
  return 'all';
}

function rebuild(query: string, drop: (t: SearchTerm) => boolean, prefix: string, suffix = ''): string {
  const kept = tokenizeSearch(query)
    .filter((t) => !drop(t))
    .map((t) => t.raw);
  return [prefix, ...kept, suffix].filter((s) => s !== '').join(' ');
}

/** The query with its status filters replaced by the tab's; other terms stay. */
export function withStatusTab(query: string, tab: StatusTab): string {
  const tabQuery = STATUS_TABS.find((t) => t.key === tab)?.query ?? '';
  return rebuild(query, isStatusTerm, tabQuery);
}

/** The value of the first plain `key:value` term, or null. */
export function filterValue(query: string, key: string): string | null {
  const t = tokenizeSearch(query).find((x) => x.key === key && !x.negated && !x.isList && x.operator === '');
  return t?.values[0] ?? null;
}

/** Sets (or with null removes) a plain `key:value` term, keeping everything else. */
export function withFilter(query: string, key: string, value: string | null): string {
  const term = value === null || value === '' ? '' : `${key}:${formatValue(value)}`;
  return rebuild(query, (t) => t.key === key && !t.negated, '', term);
}

/** `key:value` for a tag, with `tags[…]` where the key would read as a built-in one or has odd characters. */
export function tagTerm(key: string, value: string): string {
  const builtIn =
    /^(is|has|assigned|assigned_or_suggested|level|environment|release|firstRelease|first-release|first_release|message|title|culprit|firstSeen|lastSeen|age|timesSeen|userCount|issue|issue\.id|id|bookmarks|subscribed|project|project\.id)$/;
  const bare = /^[A-Za-z0-9_.-]+$/.test(key) && (!builtIn.test(key) || ['level', 'environment', 'release'].includes(key));
  return `${bare ? key : `tags[${key}]`}:${formatValue(value)}`;
}
