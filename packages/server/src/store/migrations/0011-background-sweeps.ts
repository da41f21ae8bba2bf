import type { Migration } from './migration.js';

/**
 * Two background sweeps that run on the leased schedule.
 *
 * Issue-rule alerts are evaluated after a processing batch commits. A process that dies
 * between that commit and the evaluation would lose the firing, so the batch's transaction
 * also writes what the evaluation needs (the event summaries) into `post_process_pending`;
 * the evaluation deletes the row when done, and a scheduled sweep runs whatever a dead
 * process left behind.
 *
 * Time-based ignores end when their time passes even if no event arrives: the sweep finds
 * them through a partial index on `ignore_until` (only ignored issues with an end time have one).
 */
export const backgroundSweeps: Migration = {
  name: '0011_background_sweeps',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('post_process_pending')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      // when the batch committed: the evaluation's "now", so a rerun decides exactly as the first run did
      .addColumn('processed_at', big, (c) => c.notNull())
      // JSON list of the batch's event summaries
      .addColumn('summaries', 'text', (c) => c.notNull())
      // sweeps that took the row; a batch whose hooks keep failing is given up after a few
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('post_process_pending_processed_at').on('post_process_pending').column('processed_at').execute();
    await db.schema
      .createIndex('issues_ignore_until')
      .on('issues')
      .column('ignore_until')
      .where((eb) => eb('ignore_until', 'is not', null))
      .execute();
  },
};
