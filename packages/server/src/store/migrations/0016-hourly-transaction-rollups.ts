import { sql } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Hourly transaction rollups, and smaller "uncompacted" indexes (docs/performance-monitoring.md
 * › Storage). A day of per-minute transaction rollups is about one row per transaction at low
 * traffic (the key rarely repeats within a minute), so "p95 per transaction over 24 h" merged
 * ~90,000 sketches at 10 million spans; the compaction sweep now also folds each closed delta
 * into one row per key and hour, and a window's whole hours read those. The indexes that find
 * delta rows still to compact covered every row; only uncompacted rows need them, so they
 * become partial indexes (a few minutes of rows instead of all of them). And a span group's
 * normalized description, repeated on each of its rollup rows (every hour and transaction
 * name), is stored once per project in `span_descriptions` (a SQL statement is most of a row).
 * `perf_problem_counts` counts a performance problem's occurrences before its issue opens, for
 * the types Sentry opens only after many (Slow DB Query: 100 within 24 hours).
 */
export const hourlyTransactionRollups: Migration = {
  name: '0016_hourly_transaction_rollups',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('perf_rollups_hourly')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull())
      // start of the hour, epoch seconds (named as in perf_rollups so rows of both read alike)
      .addColumn('minute', big, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('http_method', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_class', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('failure_count', 'integer', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('sum_ms', 'real', (c) => c.notNull())
      .addColumn('min_ms', 'real', (c) => c.notNull())
      .addColumn('max_ms', 'real', (c) => c.notNull())
      .addColumn('satisfied', 'integer', (c) => c.notNull())
      .addColumn('tolerated', 'integer', (c) => c.notNull())
      .addColumn('sketch', d.blobType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('perf_rollups_hourly_minute').on('perf_rollups_hourly').columns(['project_id', 'minute']).execute();

    // Rows compacted before hours existed are counted in no hourly row: the sweep folds them
    // again (a minute's rows merge into one, as always) and into their hour on the way.
    await db.updateTable('perf_rollups').set({ compacted: 0 }).execute();
    for (const table of ['perf_rollups', 'span_rollups'] as const) {
      await db.schema.dropIndex(`${table}_uncompacted`).execute();
      await db.schema.createIndex(`${table}_uncompacted`).on(table).columns(['minute', 'project_id']).where(sql.ref('compacted'), '=', 0).execute();
    }

    await db.schema
      .createTable('span_descriptions')
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('span_group', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('last_hour', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('span_descriptions_pk', ['project_id', 'span_group'])
      .execute();
    await db
      .insertInto('span_descriptions')
      .columns(['project_id', 'span_group', 'description', 'last_hour'])
      .expression(
        db
          .selectFrom('span_rollups')
          .select(['project_id', 'span_group', (eb) => eb.fn.min('description').as('description'), (eb) => eb.fn.max('minute').as('last_hour')])
          .groupBy(['project_id', 'span_group']),
      )
      .execute();
    await db.schema.alterTable('span_rollups').dropColumn('description').execute();

    await db.schema
      .createTable('perf_problem_counts')
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('first_seen', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('perf_problem_counts_pk', ['project_id', 'fingerprint'])
      .execute();
  },
};
