/**
 * feedback — user feedback (issue #18; user guide docs/feedback.md). Owns legacy user reports
 * (one per project and event, linked to the event's issue once it is stored; `store.userReports`)
 * and the attachments stored with a feedback event (`store.eventAttachments`); the rules of a
 * report (field limits, e-mail, the two conflicts) and of a feedback item's `contexts.feedback`;
 * Sentry's user-report and attachment JSON; the routes: `/user-feedback/` (alias `/user-reports/`),
 * an issue's and the organization's reports, an event's attachments and the crash-report dialog
 * `/api/embed/error-page/`. Must not import process/: the pipeline's feedback stage
 * (`process/feedback/`) calls in, and the feedback issue of a report saved by the API is written
 * by a function api/ hands in.
 *
 * For other modules (stable):
 *   readFeedbackContext(payload) → { ok, feedback } | { ok: false, reason }   never throws
 *   parseUserReport(json, { eventId?, truncate? }) → { ok, report } | { ok: false, field, reason }
 *   saveUserReport(store, trx, { projectId, report, source }, now) → { ok, report, created } | { ok: false, conflict }
 *   store.userReports.linkEvents(trx, [{ projectId, eventId, issueId, environment }])
 *   store.eventAttachments.insert(trx, NewEventAttachment[])
 */

export { isValidEmail } from './email-address.js';
export { FEEDBACK_MESSAGE_MAX, type FeedbackContext, type FeedbackContextParse, readFeedbackContext } from './feedback-context.js';
export { type FeedbackApiDeps, registerFeedbackApi } from './routes/index.js';
export {
  EVENT_AGE_LIMIT_MS,
  OVERWRITE_WINDOW_MS,
  type SaveUserReportResult,
  saveUserReport,
  type UserReportShimWriter,
  type UserReportSource,
} from './save-user-report.js';
export type { EventAttachmentRecord, NewEventAttachment } from './store/attachment-repo.js';
export { feedbackRepositories } from './store/repositories.js';
export type { UserReportRecord } from './store/user-report-repo.js';
export { normalizeReportEventId, parseUserReport, USER_REPORT_LIMITS, type UserReportInput, type UserReportParse } from './user-report-input.js';
