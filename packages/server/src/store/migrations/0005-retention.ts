import type { Migration } from './migration.js';

/**
 * Retention deletes parked items by project and age in small batches every hour; without
 * this index each batch would scan the whole table while holding the write lock.
 * (Events already have `events_project_received` from 0003.)
 */
export const retention: Migration = {
  name: '0005_retention',
  async up(db) {
    await db.schema.createIndex('parked_items_project_received').on('parked_items').columns(['project_id', 'received_at']).execute();
  },
};
