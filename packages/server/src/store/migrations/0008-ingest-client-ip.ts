import type { Migration } from './migration.js';

/**
 * The sending client's address (Fastify's `request.ip`), kept with the queued envelope so
 * processing can fill in `user.ip_address: "{{auto}}"` as Sentry does. Null for rows queued
 * before this column existed and for clients ingest saw no address for.
 */
export const ingestClientIp: Migration = {
  name: '0008_ingest_client_ip',
  async up(db) {
    await db.schema.alterTable('ingest_queue').addColumn('client_ip', 'text').execute();
  },
};
