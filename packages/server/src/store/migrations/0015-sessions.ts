import type { Migration } from './migration.js';

/**
 * Release health (docs/release-health.md): per (project, release, environment, hour of the
 * session's `started`) counters, the compact distinct sets behind exact "errored sessions" and
 * "users per status" counts, and duration sketches of exited sessions. Raw session updates are
 * never stored: every read merges these rows.
 */
export const sessions: Migration = {
  name: '0015_sessions',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('session_counts')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('bucket', big, (c) => c.notNull())
      .addColumn('inits', big, (c) => c.notNull().defaultTo(0))
      .addColumn('errored_preaggr', big, (c) => c.notNull().defaultTo(0))
      .addColumn('crashed', big, (c) => c.notNull().defaultTo(0))
      .addColumn('abnormal', big, (c) => c.notNull().defaultTo(0))
      .addColumn('unhandled', big, (c) => c.notNull().defaultTo(0))
      .addColumn('duration_count', big, (c) => c.notNull().defaultTo(0))
      .addColumn('duration_sum', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('duration_max', 'double precision')
      .addPrimaryKeyConstraint('session_counts_pk', ['project_id', 'release', 'environment', 'bucket'])
      .execute();
    await db.schema.createIndex('session_counts_bucket').on('session_counts').columns(['project_id', 'bucket']).execute();
    await db.schema
      .createTable('session_sets')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('bucket', big, (c) => c.notNull())
      .addColumn('kind', 'integer', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_sets_pk', ['project_id', 'release', 'environment', 'bucket', 'kind', 'digest'])
      .execute();
    await db.schema.createIndex('session_sets_bucket').on('session_sets').columns(['project_id', 'kind', 'bucket']).execute();
    await db.schema
      .createTable('session_duration_sketches')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('bucket', big, (c) => c.notNull())
      .addColumn('sketch', d.blobType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('session_duration_sketches_bucket').on('session_duration_sketches').columns(['project_id', 'bucket']).execute();
  },
};
