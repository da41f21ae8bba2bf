import type { Migration } from './migration.js';

/**
 * Issues and their incrementally maintained counters. Nothing here is ever
 * recomputed by scanning events: every counter is bumped in the processing
 * transaction that stores the event, so reads stay cheap at any volume and
 * counts survive event retention.
 */
export const issues: Migration = {
  name: '0003_issues',
  async up(db, d) {
    const big = d.bigIntType;
    // Per-project sequence behind short ids (`PROJ-1A`); bumped with an UPDATE … RETURNING under the write lock.
    await db.schema
      .alterTable('projects')
      .addColumn('issue_counter', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('issues')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('short_id', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('culprit', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('grouping_mechanism', 'text', (c) => c.notNull())
      // unresolved | resolved | ignored
      .addColumn('status', 'text', (c) => c.notNull())
      // new | ongoing | regressed | escalating | archived_forever | archived_until_condition_met | …
      .addColumn('substatus', 'text')
      // now | in_next_release | in_release
      .addColumn('resolution', 'text')
      .addColumn('resolved_in_release', 'text')
      .addColumn('resolved_at', big)
      .addColumn('ignore_until', big)
      .addColumn('ignore_count', big)
      .addColumn('ignore_window_ms', big)
      .addColumn('ignore_user_count', 'integer')
      .addColumn('ignore_user_window_ms', big)
      .addColumn('ignore_baseline_times_seen', big)
      .addColumn('ignore_baseline_users', 'integer')
      .addColumn('regressed_at', big)
      .addColumn('regressed_in_release', 'text')
      .addColumn('first_seen', big, (c) => c.notNull())
      .addColumn('last_seen', big, (c) => c.notNull())
      .addColumn('first_release', 'text')
      .addColumn('last_release', 'text')
      .addColumn('times_seen', big, (c) => c.notNull().defaultTo(0))
      .addColumn('user_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_event_id', 'text')
      .addColumn('assignee_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('assignee_team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
      // set when this issue was merged into another; its hashes then point at the target
      .addColumn('merged_into_id', 'integer')
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint('issues_project_short_id', ['project_id', 'short_id'])
      .execute();
    await db.schema.createIndex('issues_project_status_last_seen').on('issues').columns(['project_id', 'status', 'last_seen']).execute();
    await db.schema.createIndex('issues_project_first_seen').on('issues').columns(['project_id', 'first_seen']).execute();
    await db.schema.createIndex('issues_project_times_seen').on('issues').columns(['project_id', 'times_seen']).execute();

    // (mechanism, hash) → issue: the lookup that decides grouping; versioned so a new mechanism never regroups history.
    await db.schema
      .createTable('issue_hashes')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('mechanism', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('issue_hashes_pk', ['project_id', 'mechanism', 'hash'])
      .execute();
    await db.schema.createIndex('issue_hashes_issue').on('issue_hashes').column('issue_id').execute();

    // Distinct users per issue; user_key is id:, email:, username: or ip: of the event's user.
    await db.schema
      .createTable('issue_users')
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('first_seen', big, (c) => c.notNull())
      .addColumn('last_seen', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('issue_users_pk', ['issue_id', 'user_key'])
      .execute();

    // Hourly counts per environment and release ('' = none): time-range counts, sparklines, per-env/per-release counts.
    await db.schema
      .createTable('issue_hourly')
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
      .addColumn('hour', big, (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('count', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('issue_hourly_pk', ['issue_id', 'hour', 'environment', 'release'])
      .execute();

    // Tag value counts per issue (top values, distribution bars, tag search).
    await db.schema
      .createTable('issue_tags')
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('times_seen', big, (c) => c.notNull())
      .addColumn('first_seen', big, (c) => c.notNull())
      .addColumn('last_seen', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('issue_tags_pk', ['issue_id', 'key', 'value'])
      .execute();
    await db.schema.createIndex('issue_tags_key_value').on('issue_tags').columns(['key', 'value', 'issue_id']).execute();

    // What happened to an issue and who did it: resolved, regressed (with release), ignored, assigned, merged.
    await db.schema
      .createTable('issue_activity')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('issue_activity_issue').on('issue_activity').columns(['issue_id', 'id']).execute();

    // Events gain what lists and navigation need without decompressing payloads.
    for (const [name, type] of [
      ['issue_id', 'integer'],
      ['timestamp', big],
      ['level', 'text'],
      ['environment', 'text'],
      ['release', 'text'],
      ['user_key', 'text'],
      ['title', 'text'],
    ] as const) {
      await db.schema.alterTable('events').addColumn(name, type).execute();
    }
    await db.schema.createIndex('events_issue_received').on('events').columns(['issue_id', 'received_at']).execute();
    await db.schema.createIndex('events_project_received').on('events').columns(['project_id', 'received_at']).execute();
  },
};
