import type { Migration } from './migration.js';

/**
 * The issue page reads, per tag key, the key's totals and its most frequent values. The
 * primary key (issue_id, key, value) finds an issue's rows but not in frequency order, so
 * the loudest issues (hundreds of thousands of `user.ip` and `url` values) sorted all of
 * them on every page view. This index serves both reads from the index alone: totals as a
 * covering scan, top values as a range that stops after N rows.
 */
export const issueTagTopValues: Migration = {
  name: '0009_issue_tag_top_values',
  async up(db) {
    await db.schema.createIndex('issue_tags_issue_key_seen').on('issue_tags').columns(['issue_id', 'key', 'times_seen desc', 'value']).execute();
  },
};
