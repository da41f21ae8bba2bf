import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import type { UserReportShimWriter } from '../save-user-report.js';
import { registerAttachmentRoutes } from './attachment-routes.js';
import { registerErrorPageRoutes } from './error-page-routes.js';
import { createFeedbackAccess } from './feedback-access.js';
import { registerUserReportRoutes } from './user-report-routes.js';

export interface FeedbackApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** the feedback issue of a report saved here (the pipeline's persist, handed in by api/) */
  readonly shimUserReport: UserReportShimWriter;
}

/** feedback's routes (docs/feedback.md › API): user reports, event attachments and the crash-report dialog. */
export function registerFeedbackApi(app: FastifyInstance, deps: FeedbackApiDeps): void {
  const access = createFeedbackAccess(deps.auth, deps.store);
  const shared = { store: deps.store, clock: deps.clock, publicUrl: deps.publicUrl, access, shim: deps.shimUserReport };
  registerUserReportRoutes(app, shared);
  registerAttachmentRoutes(app, deps.store, access);
  registerErrorPageRoutes(app, shared);
}
