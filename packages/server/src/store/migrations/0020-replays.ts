import type { Migration } from './migration.js';

/**
 * Session replay (docs/replays.md): a row per replay (aggregated replay_event facts), its
 * recording segments (zlib blobs, in the database so a segment commits with its batch and
 * retention deletes it in the same statement family as its row) and the error events linked
 * to replays in both directions. Sentry's model: https://docs.sentry.io/product/explore/session-replay/
 */
export const replays: Migration = {
  name: '0020_replays',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('replays')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('replay_id', 'text', (c) => c.notNull())
      .addColumn('started_at', big, (c) => c.notNull())
      .addColumn('finished_at', big, (c) => c.notNull())
      .addColumn('environment', 'text')
      .addColumn('is_archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('recording_bytes', big, (c) => c.notNull().defaultTo(0))
      .addColumn('segment_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .addUniqueConstraint('replays_project_replay', ['project_id', 'replay_id'])
      .execute();
    // The list's window scan and retention's scan.
    await db.schema.createIndex('replays_project_finished').on('replays').columns(['project_id', 'finished_at']).execute();
    await db.schema.createIndex('replays_project_updated').on('replays').columns(['project_id', 'updated_at']).execute();
    await db.schema
      .createTable('replay_segments')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('replay_id', 'text', (c) => c.notNull())
      .addColumn('segment_id', 'integer', (c) => c.notNull())
      .addColumn('recording', d.blobType, (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('received_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('replay_segments_pk', ['project_id', 'replay_id', 'segment_id'])
      .execute();
    await db.schema
      .createTable('replay_errors')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('replay_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('issue_id', 'integer')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('received_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('replay_errors_pk', ['project_id', 'replay_id', 'event_id'])
      .execute();
    // replay-count by issue, and retention.
    await db.schema.createIndex('replay_errors_issue').on('replay_errors').columns(['issue_id']).execute();
    await db.schema.createIndex('replay_errors_event').on('replay_errors').columns(['project_id', 'event_id']).execute();
    await db.schema.createIndex('replay_errors_received').on('replay_errors').columns(['project_id', 'received_at']).execute();
  },
};
