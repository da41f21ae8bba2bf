import type { Migration } from './migration.js';

/** The ingest queue, minimal event storage, parked items, outcome counters and rate-limit windows. */
export const ingest: Migration = {
  name: '0002_ingest',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('ingest_queue')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('received_at', big, (c) => c.notNull())
      .addColumn('event_id', 'text')
      .addColumn('encoding', 'text', (c) => c.notNull())
      .addColumn('body', d.blobType, (c) => c.notNull())
      .addColumn('decoded_bytes', big, (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('received_at', big, (c) => c.notNull())
      .addColumn('payload_encoding', 'text', (c) => c.notNull())
      .addColumn('payload', d.blobType, (c) => c.notNull())
      .addUniqueConstraint('events_project_event_id', ['project_id', 'event_id'])
      .execute();
    await db.schema
      .createTable('parked_items')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text')
      .addColumn('received_at', big, (c) => c.notNull())
      .addColumn('envelope_headers', 'text', (c) => c.notNull())
      .addColumn('item_headers', 'text', (c) => c.notNull())
      .addColumn('payload', d.blobType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('parked_items_type_id').on('parked_items').columns(['type', 'id']).execute();
    await db.schema
      .createTable('outcomes')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('hour', big, (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('quantity', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('outcomes_pk', ['project_id', 'hour', 'category', 'outcome', 'reason'])
      .execute();
    await db.schema
      .createTable('rate_windows')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('window_start', big, (c) => c.notNull())
      .addColumn('count', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_windows_pk', ['scope', 'window_start'])
      .execute();
  },
};
