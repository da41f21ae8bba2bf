import type { Migration } from './migration.js';

/**
 * Compression dictionaries for stored events (events/store/event-payload-codec.ts): the first
 * 32 KB of an earlier event of the same group, which later events are deflated against.
 * No foreign key from events: deleting old dictionaries would then check every event.
 */
export const eventDictionaries: Migration = {
  name: '0012_event_dictionaries',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('event_dictionaries')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('group_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('bytes', d.blobType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_dictionaries_lookup').on('event_dictionaries').columns(['project_id', 'group_hash', 'created_at']).execute();
    await db.schema.alterTable('events').addColumn('dictionary_id', 'integer').execute();
  },
};
