import type { Migration } from './migration.js';

/**
 * The trace index of error events (docs/performance-monitoring.md › Traces): which stored error
 * events carry which trace and span id, so a trace view finds its errors by one index lookup
 * instead of decoding every event. One row per stored error event that names a trace, written
 * in the same transaction as the event and deleted by retention with it (`received_at`).
 */
export const eventTraces: Migration = {
  name: '0014_event_traces',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('event_traces')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('trace_id', 'text', (c) => c.notNull())
      .addColumn('span_id', 'text')
      .addColumn('issue_id', 'integer')
      .addColumn('transaction', 'text')
      // performance issues only: the detector's group type and the spans it blames (JSON list)
      .addColumn('occurrence_type', 'integer')
      .addColumn('offender_span_ids', 'text')
      .addColumn('timestamp', big, (c) => c.notNull())
      .addColumn('received_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('event_traces_pk', ['project_id', 'event_id'])
      .execute();
    await db.schema.createIndex('event_traces_trace').on('event_traces').columns(['trace_id', 'project_id']).execute();
    await db.schema.createIndex('event_traces_received').on('event_traces').columns(['project_id', 'received_at']).execute();
  },
};
