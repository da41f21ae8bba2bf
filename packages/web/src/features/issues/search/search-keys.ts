// The keys of the issue search syntax (docs/search.md), for suggestions in the search bar.
// The server's parser is the authority: it refuses what it does not understand with a
// message the list page shows. This table only needs to be helpful while typing.

export interface KeySpec {
  readonly name: string;
  readonly description: string;
  /** Fixed values offered after `key:`. */
  readonly values?: readonly string[];
  /** Takes `>`, `>=`, `<`, `<=` before the value. */
  readonly comparable?: boolean;
  /** Whose values come from the project's tags (`environment`, `release`…). */
  readonly tag?: string;
}

const TIMES = ['-1h', '-24h', '-7d', '-30d', '+7d', '+30d'];

export const SEARCH_KEYS: readonly KeySpec[] = [
  { name: 'is', description: 'Status or state', values: ['unresolved', 'resolved', 'ignored', 'assigned', 'unassigned', 'regressed', 'for_review'] },
  { name: 'level', description: 'Event level', values: ['fatal', 'error', 'warning', 'info', 'debug'] },
  { name: 'assigned', description: 'Assignee: me, none, my_teams, #team or an e-mail', values: ['me', 'none', 'my_teams'] },
  { name: 'release', description: 'Seen in this release', values: ['latest'], tag: 'release' },
  { name: 'firstRelease', description: 'First seen in this release', values: ['latest'], tag: 'release' },
  { name: 'environment', description: 'Seen in this environment', tag: 'environment' },
  { name: 'has', description: 'Events carry this tag' },
  { name: 'firstSeen', description: 'First seen (-24h within, +7d older than)', values: TIMES, comparable: true },
  { name: 'lastSeen', description: 'Last seen (-24h within, +7d older than)', values: TIMES, comparable: true },
  { name: 'age', description: 'Same as firstSeen', values: TIMES, comparable: true },
  { name: 'timesSeen', description: 'Number of events', comparable: true },
  { name: 'userCount', description: 'Number of users affected', comparable: true },
  { name: 'message', description: 'Message contains' },
  { name: 'title', description: 'Title contains' },
  { name: 'culprit', description: 'Culprit contains' },
  { name: 'user.id', description: 'Affected user id', tag: 'user.id' },
  { name: 'user.email', description: 'Affected user e-mail', tag: 'user.email' },
  { name: 'user.username', description: 'Affected username', tag: 'user.username' },
  { name: 'user.ip', description: 'Affected user IP', tag: 'user.ip' },
  { name: 'issue', description: 'Short id, e.g. BACKEND-1A' },
  { name: 'issue.id', description: 'Numeric issue id' },
  { name: 'assigned_or_suggested', description: 'Same as assigned', values: ['me', 'none', 'my_teams'] },
];

const ALIASES: Readonly<Record<string, string>> = { 'first-release': 'firstRelease', first_release: 'firstRelease', id: 'issue.id' };

const BY_NAME = new Map(SEARCH_KEYS.map((k) => [k.name, k]));

export function keySpec(name: string): KeySpec | undefined {
  return BY_NAME.get(ALIASES[name] ?? name);
}

export const VALUE_NOTES: Readonly<Record<string, string>> = {
  unresolved: 'Open issues',
  resolved: 'Marked resolved',
  ignored: 'Ignored (archived)',
  assigned: 'Has an assignee',
  unassigned: 'Has no assignee',
  regressed: 'Came back after being resolved',
  for_review: 'New or regressed in the last 7 days, not reviewed',
  me: 'Assigned to you',
  none: 'Nobody',
  my_teams: 'One of your teams',
  latest: 'The newest release',
  '-1h': 'Within the last hour',
  '-24h': 'Within the last 24 hours',
  '-7d': 'Within the last 7 days',
  '-30d': 'Within the last 30 days',
  '+7d': 'More than 7 days ago',
  '+30d': 'More than 30 days ago',
};
