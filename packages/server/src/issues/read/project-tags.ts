import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.js';
import { type TagValueJson, tagLabel } from './issue-tags.js';

/**
 * Project-wide tag keys and values for search suggestions (Sentry's
 * `/projects/{org}/{project}/tags/` and `…/tags/{key}/values/`), read from the per-issue
 * counters in `issue_tags`. There is no per-project counter table, so every read here is
 * bounded instead of exact: it looks at a sample of the project's issues (the loudest and
 * the newest) and stops index ranges after a fixed number of rows. Suggestions need the
 * common keys and values, not exact totals; the cost stays flat however large the data.
 */

/** Issues sampled per ordering: the loudest (most events) and the newest (new tags appear there first). */
const SAMPLE_PER_ORDER = 50;
/** Rows summed per key for its total. */
const TOTAL_ROWS_PER_KEY = 1000;
/** Values read per sampled issue for a key, most frequent first. */
const TOP_VALUES_PER_ISSUE = 100;
/** Rows of a prefix range read from the (key, value) index. */
const PREFIX_RANGE_ROWS = 2000;
/** Distinct keys walked per issue (a runaway SDK cannot make one read unbounded). */
const KEYS_PER_ISSUE = 500;

export const PROJECT_TAG_KEY_LIMIT = 1000;
export const PROJECT_TAG_VALUE_LIMIT = 100;

export interface ProjectTagKeyJson {
  key: string;
  name: string;
  /** events carrying the key among the sampled issues */
  totalValues: number;
}

async function sampleIssueIds(db: Kysely<Database>, projectId: number): Promise<number[]> {
  // Each is one ordered range of an index on (project_id, …) that stops after N rows.
  const [loudest, newest] = await Promise.all([
    db.selectFrom('issues').select('id').where('project_id', '=', projectId).orderBy('times_seen', 'desc').limit(SAMPLE_PER_ORDER).execute(),
    db.selectFrom('issues').select('id').where('project_id', '=', projectId).orderBy('first_seen', 'desc').limit(SAMPLE_PER_ORDER).execute(),
  ]);
  return [...new Set([...loudest, ...newest].map((r) => r.id))];
}

/** The tag keys of a project, by name, with their totals over the sample. */
export async function projectTagKeys(db: Kysely<Database>, projectId: number, limit: number): Promise<ProjectTagKeyJson[]> {
  const ids = await sampleIssueIds(db, projectId);
  if (ids.length === 0) return [];
  // A loose index scan per issue on the primary key (issue_id, key, value): one seek per
  // distinct key instead of reading every value row of a loud issue.
  const idList = sql.join(ids.map((id) => sql`${id}`));
  const walked = await sql<{ key: string }>`
    with recursive walk(issue_id, key, n) as (
      select i.id, (select min(t.key) from issue_tags t where t.issue_id = i.id), 1 from issues i where i.id in (${idList})
      union all
      select w.issue_id, (select min(t.key) from issue_tags t where t.issue_id = w.issue_id and t.key > w.key), w.n + 1
      from walk w where w.key is not null and w.n < ${KEYS_PER_ISSUE}
    )
    select distinct key from walk where key is not null order by key limit ${limit}`.execute(db);
  const out: ProjectTagKeyJson[] = [];
  for (const { key } of walked.rows) {
    const rows = await db.selectFrom('issue_tags').select('times_seen').where('issue_id', 'in', ids).where('key', '=', key).limit(TOTAL_ROWS_PER_KEY).execute();
    out.push({ key, name: tagLabel(key), totalValues: rows.reduce((n, r) => n + Number(r.times_seen), 0) });
  }
  return out;
}

type ValueRow = { value: string; times_seen: number; first_seen: number; last_seen: number };

function merge(into: Map<string, ValueRow>, rows: readonly ValueRow[]): void {
  for (const r of rows) {
    const seen = into.get(r.value);
    if (!seen) into.set(r.value, { value: r.value, times_seen: Number(r.times_seen), first_seen: Number(r.first_seen), last_seen: Number(r.last_seen) });
    else {
      seen.times_seen += Number(r.times_seen);
      seen.first_seen = Math.min(seen.first_seen, Number(r.first_seen));
      seen.last_seen = Math.max(seen.last_seen, Number(r.last_seen));
    }
  }
}

/**
 * A key's most frequent values in a project, optionally those starting with `prefix`:
 * the sampled issues' top values (matched case-insensitively), plus, with a prefix, one
 * bounded range of the (key, value) index from the prefix on (case-sensitive, any issue of
 * the project), so rarer values that start with what was typed are found too.
 */
export async function projectTagValues(db: Kysely<Database>, projectId: number, key: string, prefix: string, limit: number): Promise<TagValueJson[]> {
  const ids = await sampleIssueIds(db, projectId);
  const found = new Map<string, ValueRow>();
  const lowered = prefix.toLowerCase();
  for (const id of ids) {
    // issue_tags_issue_key_seen serves this as a range that stops after N rows.
    const rows = await db
      .selectFrom('issue_tags')
      .select(['value', 'times_seen', 'first_seen', 'last_seen'])
      .where('issue_id', '=', id)
      .where('key', '=', key)
      .orderBy('times_seen', 'desc')
      .limit(TOP_VALUES_PER_ISSUE)
      .execute();
    merge(
      found,
      rows.filter((r) => r.value.toLowerCase().startsWith(lowered)),
    );
  }
  if (prefix !== '') {
    const range = db
      .selectFrom('issue_tags')
      .select(['issue_id', 'value', 'times_seen', 'first_seen', 'last_seen'])
      .where('key', '=', key)
      .where('value', '>=', prefix)
      .orderBy('value')
      .limit(PREFIX_RANGE_ROWS)
      .as('r');
    const rows = await db
      .selectFrom(range)
      .innerJoin('issues', 'issues.id', 'r.issue_id')
      .select(['r.value', 'r.times_seen', 'r.first_seen', 'r.last_seen'])
      .where('issues.project_id', '=', projectId)
      .execute();
    // Values the sample found keep its counts; the range only adds values it did not see.
    const extra = new Map<string, ValueRow>();
    merge(
      extra,
      rows.filter((r) => r.value.startsWith(prefix)),
    );
    for (const [value, row] of extra) if (!found.has(value)) found.set(value, row);
  }
  return [...found.values()]
    .sort((a, b) => b.times_seen - a.times_seen || (a.value < b.value ? -1 : 1))
    .slice(0, limit)
    .map((r) => ({
      key,
      name: r.value,
      value: r.value,
      count: r.times_seen,
      firstSeen: new Date(r.first_seen).toISOString(),
      lastSeen: new Date(r.last_seen).toISOString(),
    }));
}
