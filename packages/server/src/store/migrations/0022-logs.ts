import type { Migration } from './migration.js';

/**
 * Logs (docs/logs.md › Storage): compressed blocks of log lines per project and batch, indexed
 * by project and time (and receive time for retention); a trace's blocks; the attribute names
 * each project has sent; lines per project, minute and severity (counts without decoding).
 */
export const logs: Migration = {
  name: '0022_logs',
  async up(db, d) {
    await db.schema
      .createTable('log_blocks')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('received_at', d.bigIntType, (c) => c.notNull())
      .addColumn('start_ms', d.bigIntType, (c) => c.notNull())
      .addColumn('end_ms', d.bigIntType, (c) => c.notNull())
      .addColumn('line_count', 'integer', (c) => c.notNull())
      .addColumn('severities', 'integer', (c) => c.notNull())
      .addColumn('document', d.blobType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('log_blocks_time').on('log_blocks').columns(['project_id', 'end_ms']).execute();
    await db.schema.createIndex('log_blocks_received').on('log_blocks').columns(['project_id', 'received_at']).execute();
    await db.schema
      .createTable('log_trace_blocks')
      .addColumn('project_id', 'integer', (c) => c.notNull())
      .addColumn('trace_id', 'text', (c) => c.notNull())
      .addColumn('block_id', 'integer', (c) => c.notNull().references('log_blocks.id').onDelete('cascade'))
      .addColumn('line_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_trace_blocks_pk', ['project_id', 'trace_id', 'block_id'])
      .execute();
    await db.schema.createIndex('log_trace_blocks_block').on('log_trace_blocks').columns(['block_id']).execute();
    await db.schema
      .createTable('log_attribute_keys')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('last_seen', d.bigIntType, (c) => c.notNull())
      .addPrimaryKeyConstraint('log_attribute_keys_pk', ['project_id', 'name', 'type'])
      .execute();
    await db.schema
      .createTable('log_minutes')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('minute', d.bigIntType, (c) => c.notNull())
      .addColumn('severity', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_minutes_pk', ['project_id', 'minute', 'severity'])
      .execute();
  },
};
