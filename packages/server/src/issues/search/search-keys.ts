// The built-in search keys: one table drives the parser's dispatch, the UI's suggestions and
// the key reference test against docs/search.md. Any key not listed (and not refused below)
// is a tag filter, as in Sentry's issue search.

export type KeyHandler =
  | 'is'
  | 'has'
  | 'assigned'
  | 'level'
  | 'category'
  | 'issueType'
  | 'environment'
  | 'release'
  | 'user'
  | 'text'
  | 'time'
  | 'count'
  | 'issueId'
  | 'shortId';

export interface SearchKey {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly handler: KeyHandler;
  /** Accepts `>`, `>=`, `<`, `<=`, `=` before its value. */
  readonly comparable: boolean;
  /** Accepts Sentry's list syntax `key:[a, b]` (any of the values). */
  readonly list: boolean;
  readonly description: string;
  readonly example: string;
  /** Values offered as completions. */
  readonly values: readonly string[];
}

const RELATIVE_EXAMPLES = ['-1h', '-24h', '-7d', '-30d', '+7d', '+30d'];

function key(name: string, handler: KeyHandler, description: string, example: string, extra: Partial<SearchKey> = {}): SearchKey {
  return { name, aliases: [], handler, comparable: false, list: true, values: [], description, example, ...extra };
}

export const SEARCH_KEYS: readonly SearchKey[] = [
  key('is', 'is', 'Status or state of the issue', 'is:unresolved', {
    list: false,
    values: ['unresolved', 'resolved', 'ignored', 'assigned', 'unassigned', 'regressed', 'for_review'],
  }),
  key('has', 'has', 'Issues whose events carry the tag at all', 'has:browser', { list: false }),
  key('assigned', 'assigned', 'Assignee: me, none, my_teams, #team or a user email', 'assigned:me', { values: ['me', 'none', 'my_teams'] }),
  key('assigned_or_suggested', 'assigned', 'Same as assigned (Faultline suggests no owners)', 'assigned_or_suggested:[me, none]', {
    values: ['me', 'none', 'my_teams'],
  }),
  key('level', 'level', 'Event level', 'level:[error, fatal]', { values: ['fatal', 'error', 'warning', 'info', 'debug'] }),
  key('issue.category', 'category', 'Kind of issue: error, performance, cron or feedback', 'issue.category:performance', {
    values: ['error', 'performance', 'cron', 'feedback'],
  }),
  key('issue.type', 'issueType', 'Issue type: error, a performance detector, or monitor_check_in_failure', 'issue.type:performance_n_plus_one_db_queries', {
    values: ['error', 'feedback', 'monitor_check_in_failure', 'performance_n_plus_one_db_queries', 'performance_slow_db_query', 'performance_consecutive_http'],
  }),
  key('environment', 'environment', 'Seen in this environment', 'environment:production'),
  key('release', 'release', 'Seen in this release (latest = the newest)', 'release:latest', { values: ['latest'] }),
  key('firstRelease', 'release', 'First seen in this release', 'firstRelease:1.4.0', { aliases: ['first-release', 'first_release'], values: ['latest'] }),
  key('user.id', 'user', 'Affected user id', 'user.id:42'),
  key('user.email', 'user', 'Affected user email', 'user.email:*@example.com'),
  key('user.username', 'user', 'Affected username', 'user.username:"Jane Doe"'),
  key('user.ip', 'user', 'Affected user IP address', 'user.ip:203.0.113.7'),
  key('message', 'text', 'Message contains (case-insensitive)', 'message:timeout'),
  key('title', 'text', 'Title contains (case-insensitive)', 'title:"TypeError: x is undefined"'),
  key('culprit', 'text', 'Culprit contains (case-insensitive)', 'culprit:checkout'),
  key('firstSeen', 'time', 'First seen (-24h within, +7d older than, or a date)', 'firstSeen:-24h', {
    comparable: true,
    list: false,
    values: RELATIVE_EXAMPLES,
  }),
  key('lastSeen', 'time', 'Last seen (-24h within, +7d older than, or a date)', 'lastSeen:>2026-01-01', {
    comparable: true,
    list: false,
    values: RELATIVE_EXAMPLES,
  }),
  key('age', 'time', 'Same as firstSeen', 'age:-24h', { comparable: true, list: false, values: RELATIVE_EXAMPLES }),
  key('timesSeen', 'count', 'Number of events', 'timesSeen:>10', { comparable: true, list: false }),
  key('userCount', 'count', 'Number of distinct users affected', 'userCount:>=5', { comparable: true, list: false }),
  key('issue.id', 'issueId', 'Numeric issue id', 'issue.id:[12, 13]', { aliases: ['id'] }),
  key('issue', 'shortId', 'Short issue id', 'issue:BACKEND-1A'),
];

const BY_NAME: ReadonlyMap<string, SearchKey> = new Map(SEARCH_KEYS.flatMap((k) => [k.name, ...k.aliases].map((n) => [n, k] as const)));

export function lookupSearchKey(name: string): SearchKey | undefined {
  return BY_NAME.get(name);
}

/** Keys Sentry knows but Faultline cannot answer; refused rather than read as an empty tag. */
export const UNSUPPORTED_KEYS: ReadonlyMap<string, string> = new Map([
  ['bookmarks', 'bookmarks are not supported'],
  ['subscribed', 'subscriptions are not supported'],
  ['project', 'choose the project in the URL, not in the query'],
  ['project.id', 'choose the project in the URL, not in the query'],
  ['issue.priority', 'issue priority is not supported'],
  ['event.timestamp', 'search lastSeen or firstSeen instead'],
]);

/** Sentry's key grammar (`[a-zA-Z0-9_.-]+`), anchored. */
export const BARE_KEY = /^[A-Za-z0-9_.-]+$/;

/** A tag key that must be written `tags[key]:` because bare it would mean something else. */
export function needsExplicitTagSyntax(tagKey: string): boolean {
  return !BARE_KEY.test(tagKey) || BY_NAME.has(tagKey) || UNSUPPORTED_KEYS.has(tagKey);
}
