import type { Migration } from './migration.js';

/**
 * User feedback (docs/feedback.md): legacy user reports (the `user_report` item, the
 * `/user-feedback/` API and the crash-report dialog), one per project and event id, linked to
 * the event's issue once that event is stored; and the attachments stored with a feedback
 * event (screenshots). New-style feedback itself is an event of a feedback issue.
 * Follows https://docs.sentry.io/api/projects/submit-user-feedback/
 */
export const feedback: Migration = {
  name: '0019_feedback',
  async up(db, d) {
    const big = d.bigIntType;
    await db.schema
      .createTable('user_reports')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('issue_id', 'integer')
      .addColumn('environment', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('comments', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('date_created', big, (c) => c.notNull())
      .addUniqueConstraint('user_reports_event', ['project_id', 'event_id'])
      .execute();
    await db.schema.createIndex('user_reports_project_date').on('user_reports').columns(['project_id', 'date_created']).execute();
    await db.schema.createIndex('user_reports_issue').on('user_reports').columns(['issue_id', 'date_created']).execute();
    await db.schema
      .createTable('event_attachments')
      .addColumn('id', 'integer', (c) => d.autoId(c))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('attachment_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha1', 'text', (c) => c.notNull())
      .addColumn('data', d.blobType, (c) => c.notNull())
      .addColumn('date_created', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_attachments_event').on('event_attachments').columns(['project_id', 'event_id']).execute();
  },
};
