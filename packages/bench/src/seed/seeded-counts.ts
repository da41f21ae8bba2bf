import type { Store } from '@faultline/server/dist/store/index.js';

/** Rows the seed left in the tables the query benchmark reads. */
export interface SeededCounts {
  readonly events: number;
  readonly issues: number;
  readonly issueTags: number;
  readonly issueHourly: number;
  readonly issueUsers: number;
  readonly issueHashes: number;
  /** times_seen of the loudest issue: the largest issue page the benchmark opens */
  readonly largestIssueEvents: number;
}

const tables = ['events', 'issues', 'issue_tags', 'issue_hourly', 'issue_users', 'issue_hashes'] as const;

export async function countSeededRows(db: Store['db']): Promise<SeededCounts> {
  const n: Record<string, number> = {};
  for (const t of tables) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    n[t] = Number(row.n);
  }
  const top = await db.selectFrom('issues').select('times_seen').orderBy('times_seen', 'desc').limit(1).executeTakeFirst();
  return {
    events: n.events ?? 0,
    issues: n.issues ?? 0,
    issueTags: n.issue_tags ?? 0,
    issueHourly: n.issue_hourly ?? 0,
    issueUsers: n.issue_users ?? 0,
    issueHashes: n.issue_hashes ?? 0,
    largestIssueEvents: Number(top?.times_seen ?? 0),
  };
}
