import type { Migration } from './migration.js';

/**
 * Who has watched a replay (Sentry's `viewed-by` and each replay's `has_viewed` for the caller;
 * docs/replays.md › Viewed). One row per (replay, user), written when the replay page opens.
 */
export const replayViews: Migration = {
  name: '0024_replay_views',
  async up(db, d) {
    await db.schema
      .createTable('replay_views')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('replay_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('viewed_at', d.bigIntType, (c) => c.notNull())
      .addPrimaryKeyConstraint('replay_views_pk', ['project_id', 'replay_id', 'user_id'])
      .execute();
    // has_viewed for one user over a list of replays.
    await db.schema.createIndex('replay_views_user').on('replay_views').columns(['user_id', 'project_id']).execute();
  },
};
