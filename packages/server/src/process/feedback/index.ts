/**
 * process/feedback — the feedback stage: `feedback` items into feedback issues (with their
 * screenshots), `user_report` items into user reports and their feedback-issue shims, and the
 * link of waiting reports to the issue of an event that arrives after them. The rules live in
 * feedback/; this folder only applies them in the pipeline's batch.
 */

export { FEEDBACK_TITLE } from './feedback-event.js';
export {
  claimFeedback,
  commitFeedback,
  DEFAULT_FEEDBACK_ATTACHMENT_LIMITS,
  type FeedbackAttachmentLimits,
  linkWaitingReports,
  type PreparedFeedback,
  prepareFeedbackEvents,
  userReportShim,
} from './feedback-stage.js';
export { createUserReportShimWriter } from './report-shim-writer.js';
