import type { Migration } from './migration.js';

/**
 * The sending browser's User-Agent header, kept with a queued envelope that holds `log` items so
 * processing can fill a line's `sentry.browser.name` and `sentry.browser.version` as Relay does
 * (docs/logs.md › What is stored). Null for other envelopes and for rows queued before it.
 */
export const ingestUserAgent: Migration = {
  name: '0023_ingest_user_agent',
  async up(db) {
    await db.schema.alterTable('ingest_queue').addColumn('client_user_agent', 'text').execute();
  },
};
