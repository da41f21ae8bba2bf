import type { Migration } from './migration.js';

/**
 * What the issues API needs beyond 0003: the "reviewed" marker behind Sentry's For Review
 * inbox (`is:for_review`, `PUT {inbox: false}`), and the indexes that keep every issue-list
 * order and the user search on an index at 10,000 issues per project.
 */
export const issueReview: Migration = {
  name: '0004_issue_review',
  async up(db, d) {
    // When someone marked the issue reviewed; a regression after it puts the issue back in the inbox.
    await db.schema.alterTable('issues').addColumn('reviewed_at', d.bigIntType).execute();
    // `sort=date` without a status filter (sentry-cli sends `query=`), and `sort=user`.
    await db.schema.createIndex('issues_project_last_seen').on('issues').columns(['project_id', 'last_seen']).execute();
    await db.schema.createIndex('issues_project_user_count').on('issues').columns(['project_id', 'user_count']).execute();
    // `user.email:x` finds issues by user key without scanning every issue's users.
    await db.schema.createIndex('issue_users_user_key').on('issue_users').columns(['user_key', 'issue_id']).execute();
  },
};
