import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Hourly rollups per transaction name (docs/performance-monitoring.md › Storage). The
 * performance page's main query — p95, count, failure rate, throughput per transaction over
 * 24 h — groups by name only, yet `perf_rollups_hourly` keeps one row per hour for every
 * (op, HTTP method, span status, HTTP status class, release) the name was seen with: about ten
 * rows per name and hour, each a sketch to decode and merge. `perf_rollups_hourly_names` keeps
 * one row per (project, environment, name, hour) with the same measures, written by the same
 * compaction sweep, and is read whenever a query's filters and groups use no other column.
 */
export const hourlyNameRollups: Migration = {
  name: '0018_hourly_name_rollups',
  async up(db, d) {
    await db.schema
      .createTable('perf_rollups_hourly_names')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull())
      // start of the hour, epoch seconds (named as in perf_rollups so rows of all three read alike)
      .addColumn('minute', d.bigIntType, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
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
    await db.schema.createIndex('perf_rollups_hourly_names_minute').on('perf_rollups_hourly_names').columns(['project_id', 'minute']).execute();
    await backfillHourlyNames(db);
  },
};

/**
 * Every existing hourly row copied as it is: sketches cannot be merged in SQL (and store/ does
 * not decode them), and a read merges all rows of a group anyway, so several rows per name and
 * hour give the same answer as one. The sweep merges them into one the next time a delta of
 * that hour, name and environment is compacted.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration predates the typed schema it creates
export async function backfillHourlyNames(db: Kysely<any>): Promise<void> {
  const measures = ['count', 'failure_count', 'weight', 'sum_ms', 'min_ms', 'max_ms', 'satisfied', 'tolerated', 'sketch'];
  const columns = ['project_id', 'minute', 'name', 'environment', ...measures];
  await db.insertInto('perf_rollups_hourly_names').columns(columns).expression(db.selectFrom('perf_rollups_hourly').select(columns)).execute();
}
