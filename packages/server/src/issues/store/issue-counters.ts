import type { RepoContext, StoreExecutor } from '../../store/index.js';

export interface IssueUserSighting {
  issueId: number;
  userKey: string;
  firstSeen: number;
  lastSeen: number;
}

export interface IssueHourlyIncrement {
  issueId: number;
  /** start of the hour, ms */
  hour: number;
  /** '' when none */
  environment: string;
  /** '' when none */
  release: string;
  count: number;
}

export interface IssueTagIncrement {
  issueId: number;
  key: string;
  value: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

export interface NewIssueActivity {
  issueId: number;
  type: string;
  /** JSON text */
  data: string;
  userId: number | null;
  createdAt: number;
}

const rowsPerStatement = 500;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += rowsPerStatement) yield rows.slice(i, i + rowsPerStatement);
}

/**
 * The incrementally maintained tables beside `issues`: distinct users, hourly counts per
 * environment and release, tag value counts, activity. Callers aggregate a whole batch first,
 * so each call is a few multi-row statements, never one per event. Counters only grow.
 */
export function createIssueCounterRepo(_ctx: RepoContext) {
  return {
    /**
     * Records users per issue; returns the `issueId:userKey` pairs that were new, which is
     * what user_count grows by (insert-if-absent, so concurrent writers never count twice).
     * Rows must be distinct per (issue, user).
     */
    async addUsers(trx: StoreExecutor, rows: readonly IssueUserSighting[]): Promise<Set<string>> {
      const added = new Set<string>();
      for (const chunk of chunks(rows)) {
        const inserted = await trx
          .insertInto('issue_users')
          .values(chunk.map((r) => ({ issue_id: r.issueId, user_key: r.userKey, first_seen: r.firstSeen, last_seen: r.lastSeen })))
          .onConflict((oc) => oc.columns(['issue_id', 'user_key']).doNothing())
          .returning(['issue_id', 'user_key'])
          .execute();
        for (const r of inserted) added.add(`${r.issue_id}:${r.user_key}`);
        const known = chunk.filter((r) => !added.has(`${r.issueId}:${r.userKey}`));
        if (known.length === 0) continue;
        // Users seen before: only last_seen moves (the upsert never inserts here).
        await trx
          .insertInto('issue_users')
          .values(known.map((r) => ({ issue_id: r.issueId, user_key: r.userKey, first_seen: r.firstSeen, last_seen: r.lastSeen })))
          .onConflict((oc) =>
            oc.columns(['issue_id', 'user_key']).doUpdateSet((eb) => ({
              last_seen: eb
                .case()
                .when('excluded.last_seen', '>', eb.ref('issue_users.last_seen'))
                .then(eb.ref('excluded.last_seen'))
                .else(eb.ref('issue_users.last_seen'))
                .end(),
            })),
          )
          .execute();
      }
      return added;
    },

    async incrementHourly(trx: StoreExecutor, rows: readonly IssueHourlyIncrement[]): Promise<void> {
      for (const chunk of chunks(rows)) {
        await trx
          .insertInto('issue_hourly')
          .values(chunk.map((r) => ({ issue_id: r.issueId, hour: r.hour, environment: r.environment, release: r.release, count: r.count })))
          .onConflict((oc) =>
            oc
              .columns(['issue_id', 'hour', 'environment', 'release'])
              .doUpdateSet((eb) => ({ count: eb('issue_hourly.count', '+', eb.ref('excluded.count')) })),
          )
          .execute();
      }
    },

    async incrementTags(trx: StoreExecutor, rows: readonly IssueTagIncrement[]): Promise<void> {
      for (const chunk of chunks(rows)) {
        await trx
          .insertInto('issue_tags')
          .values(chunk.map((r) => ({ issue_id: r.issueId, key: r.key, value: r.value, times_seen: r.count, first_seen: r.firstSeen, last_seen: r.lastSeen })))
          .onConflict((oc) =>
            oc.columns(['issue_id', 'key', 'value']).doUpdateSet((eb) => ({
              times_seen: eb('issue_tags.times_seen', '+', eb.ref('excluded.times_seen')),
              first_seen: eb
                .case()
                .when('excluded.first_seen', '<', eb.ref('issue_tags.first_seen'))
                .then(eb.ref('excluded.first_seen'))
                .else(eb.ref('issue_tags.first_seen'))
                .end(),
              last_seen: eb
                .case()
                .when('excluded.last_seen', '>', eb.ref('issue_tags.last_seen'))
                .then(eb.ref('excluded.last_seen'))
                .else(eb.ref('issue_tags.last_seen'))
                .end(),
            })),
          )
          .execute();
      }
    },

    async addActivity(trx: StoreExecutor, rows: readonly NewIssueActivity[]): Promise<void> {
      for (const chunk of chunks(rows)) {
        await trx
          .insertInto('issue_activity')
          .values(chunk.map((r) => ({ issue_id: r.issueId, type: r.type, data: r.data, user_id: r.userId, created_at: r.createdAt })))
          .execute();
      }
    },

    /** Events of an issue received after `since` (ignore-count windows). */
    async eventsSince(trx: StoreExecutor, issueId: number, since: number): Promise<number> {
      const r = await trx
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('issue_id', '=', issueId)
        .where('received_at', '>', since)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Distinct users of an issue last seen after `since` (ignore-user-count windows). */
    async usersSince(trx: StoreExecutor, issueId: number, since: number): Promise<number> {
      const r = await trx
        .selectFrom('issue_users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('issue_id', '=', issueId)
        .where('last_seen', '>', since)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

export type IssueCounterRepo = ReturnType<typeof createIssueCounterRepo>;
