import type { Migration } from './migration.js';

/**
 * Release health's distinct sets of closed days, packed (docs/release-health.md › Storage): one
 * row per (project, release, environment, day, kind) whose `members` holds every (hour, digest)
 * pair the day's `session_sets` rows held. A day is folded once no session update can reach it
 * any more, so a 90-day read merges a few thousand packed rows instead of one row per member.
 * Nothing is lost: the hour of each member stays, so hourly intervals over old days still work.
 */
export const sessionSetDays: Migration = {
  name: '0021_session_set_days',
  async up(db, d) {
    await db.schema
      .createTable('session_set_days')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('day', d.bigIntType, (c) => c.notNull())
      .addColumn('kind', 'integer', (c) => c.notNull())
      .addColumn('members', d.blobType, (c) => c.notNull())
      .addPrimaryKeyConstraint('session_set_days_pk', ['project_id', 'release', 'environment', 'day', 'kind'])
      .execute();
    await db.schema.createIndex('session_set_days_day').on('session_set_days').columns(['project_id', 'day']).execute();
  },
};
