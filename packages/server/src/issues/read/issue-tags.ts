import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Sentry's labels for its built-in tag keys; other keys are shown as written. */
const LABELS: Readonly<Record<string, string>> = {
  level: 'Level',
  environment: 'Environment',
  release: 'Release',
  dist: 'Distribution',
  user: 'User',
  url: 'URL',
  browser: 'Browser',
  'browser.name': 'Browser Name',
  os: 'OS',
  'os.name': 'OS Name',
  device: 'Device',
  runtime: 'Runtime',
  'runtime.name': 'Runtime Name',
  server_name: 'Server',
  transaction: 'Transaction',
  handled: 'Handled',
  mechanism: 'Mechanism',
  logger: 'Logger',
};

export const tagLabel = (key: string): string => LABELS[key] ?? key;

export interface TagValueJson {
  key: string;
  name: string;
  value: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface TagKeyJson {
  key: string;
  name: string;
  /** events carrying the tag (Sentry's totalValues) */
  totalValues: number;
  uniqueValues: number;
  topValues: TagValueJson[];
}

type TagRow = { key: string; value: string; times_seen: number; first_seen: number; last_seen: number };

function valueJson(r: TagRow): TagValueJson {
  return { key: r.key, name: r.value, value: r.value, count: Number(r.times_seen), firstSeen: iso(Number(r.first_seen)), lastSeen: iso(Number(r.last_seen)) };
}

/** Per tag key of an issue: totals and the most frequent values (Sentry's `/issues/{id}/tags/`). */
export async function issueTagKeys(db: Kysely<Database>, issueId: number, keys: readonly string[], topLimit: number): Promise<TagKeyJson[]> {
  let totalsQ = db
    .selectFrom('issue_tags')
    .select((eb) => ['key', eb.fn.sum<number>('times_seen').as('total'), eb.fn.countAll<number>().as('unique')])
    .where('issue_id', '=', issueId)
    .groupBy('key');
  if (keys.length > 0) totalsQ = totalsQ.where('key', 'in', [...keys]);
  const totals = await totalsQ.orderBy('key').execute();
  if (totals.length === 0 || topLimit === 0)
    return totals.map((t) => ({ key: t.key, name: tagLabel(t.key), totalValues: Number(t.total), uniqueValues: Number(t.unique), topValues: [] }));
  // One short indexed range per key (issue_tags_issue_key_seen), stopping after N rows: a
  // single ranked statement over all of the issue's rows sorted every value of every key.
  const byKey = new Map<string, TagValueJson[]>();
  for (const t of totals) {
    const rows = await db
      .selectFrom('issue_tags')
      .select(['key', 'value', 'times_seen', 'first_seen', 'last_seen'])
      .where('issue_id', '=', issueId)
      .where('key', '=', t.key)
      .orderBy('times_seen', 'desc')
      .orderBy('value')
      .limit(topLimit)
      .execute();
    byKey.set(t.key, rows.map(valueJson));
  }
  return totals.map((t) => ({
    key: t.key,
    name: tagLabel(t.key),
    totalValues: Number(t.total),
    uniqueValues: Number(t.unique),
    topValues: byKey.get(t.key) ?? [],
  }));
}

export const TAG_VALUE_SORTS = { '-last_seen': 'last_seen', '-first_seen': 'first_seen', '-count': 'times_seen' } as const;
export type TagValueSort = keyof typeof TAG_VALUE_SORTS;

/** One page of a key's values; fetches `limit + 1` so the caller knows whether more follow. */
export async function issueTagValues(
  db: Kysely<Database>,
  issueId: number,
  key: string,
  sort: TagValueSort,
  offset: number,
  limit: number,
): Promise<TagValueJson[]> {
  const rows = await db
    .selectFrom('issue_tags')
    .select(['key', 'value', 'times_seen', 'first_seen', 'last_seen'])
    .where('issue_id', '=', issueId)
    .where('key', '=', key)
    .orderBy(TAG_VALUE_SORTS[sort], 'desc')
    .orderBy('value')
    .offset(offset)
    .limit(limit + 1)
    .execute();
  return rows.map(valueJson);
}
