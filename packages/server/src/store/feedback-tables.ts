import type { Generated } from 'kysely';

/** Row types of the user-feedback tables (migration 0019). Times are epoch ms. */
export interface UserReportTable {
  id: Generated<number>;
  project_id: number;
  /** 32 hex: the event the report is about (it may arrive later) */
  event_id: string;
  /** the event's issue, set once the event is stored */
  issue_id: number | null;
  environment: string | null;
  name: string;
  email: string;
  comments: string;
  /** user_report_envelope | user_report_sentry_django_endpoint | crash_report_embed_form */
  source: string;
  date_created: number;
}

/** Attachments stored with a feedback event (screenshots). */
export interface EventAttachmentTable {
  id: Generated<number>;
  project_id: number;
  event_id: string;
  name: string;
  content_type: string;
  /** Sentry's attachment type, `event.attachment` unless the SDK says otherwise */
  attachment_type: string;
  size: number;
  sha1: string;
  data: Uint8Array;
  date_created: number;
}

export interface FeedbackTables {
  user_reports: UserReportTable;
  event_attachments: EventAttachmentTable;
}
