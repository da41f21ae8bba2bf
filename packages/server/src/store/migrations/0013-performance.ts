import { sql } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Performance monitoring (docs/performance-monitoring.md). Spans are stored per trace and
 * segment as one compressed document, not one row per span, because transactions arrive at
 * 10–100× the error volume. Percentiles come from rollups: per minute and key, a mergeable
 * DDSketch of durations, written as deltas by each processing batch and compacted to one row
 * per key and minute by a sweep, so any window's p95 merges sketches instead of scanning spans.
 */
export const performance: Migration = {
  name: '0013_performance',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('trace_segments')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('trace_id', 'text', (c) => c.notNull())
      .addColumn('segment_id', 'text', (c) => c.notNull())
      .addColumn('has_segment', 'integer', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('op', 'text')
      .addColumn('status', 'text')
      .addColumn('http_method', 'text')
      .addColumn('http_status_code', 'integer')
      .addColumn('release', 'text')
      .addColumn('environment', 'text')
      .addColumn('user_key', 'text')
      .addColumn('event_id', 'text')
      .addColumn('start_ms', big, (c) => c.notNull())
      .addColumn('end_ms', big, (c) => c.notNull())
      .addColumn('duration_ms', 'real')
      // the client's sample rate: throughput before sampling is the sum of 1 / rate
      .addColumn('sample_rate', 'real')
      .addColumn('span_count', 'integer', (c) => c.notNull())
      .addColumn('received_at', big, (c) => c.notNull())
      .addColumn('document', d.blobType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trace_segments_trace').on('trace_segments').columns(['project_id', 'trace_id']).execute();
    await db.schema.createIndex('trace_segments_start').on('trace_segments').columns(['project_id', 'start_ms']).execute();
    await db.schema
      .createIndex('trace_segments_name')
      .on('trace_segments')
      .columns(['project_id', 'name', 'start_ms'])
      .where(sql.ref('has_segment'), '=', 1)
      .execute();
    await db.schema
      .createIndex('trace_segments_event')
      .on('trace_segments')
      .columns(['project_id', 'event_id'])
      .where((eb) => eb('event_id', 'is not', null))
      .execute();

    await db.schema
      .createTable('perf_rollups')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull())
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
      .addColumn('compacted', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('perf_rollups_minute').on('perf_rollups').columns(['project_id', 'minute']).execute();
    await db.schema.createIndex('perf_rollups_uncompacted').on('perf_rollups').columns(['compacted', 'minute']).execute();

    await db.schema
      .createTable('perf_users')
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('hour', big, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('perf_users_pk', ['project_id', 'hour', 'name', 'environment', 'release', 'user_key'])
      .execute();

    await db.schema
      .createTable('span_rollups')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('minute', big, (c) => c.notNull())
      .addColumn('segment_name', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('span_group', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('sum_ms', 'real', (c) => c.notNull())
      .addColumn('sum_self_ms', 'real', (c) => c.notNull())
      .addColumn('max_self_ms', 'real', (c) => c.notNull())
      .addColumn('failure_count', 'integer', (c) => c.notNull())
      // self time and duration each get a sketch: span.self_time and span.duration percentiles
      .addColumn('sketch', d.blobType, (c) => c.notNull())
      .addColumn('duration_sketch', d.blobType, (c) => c.notNull())
      .addColumn('compacted', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('span_rollups_minute').on('span_rollups').columns(['project_id', 'minute']).execute();
    await db.schema.createIndex('span_rollups_uncompacted').on('span_rollups').columns(['compacted', 'minute']).execute();
  },
};
