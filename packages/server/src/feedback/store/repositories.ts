import type { RepositoryFactories } from '../../store/index.js';
import { createEventAttachmentRepo } from './attachment-repo.js';
import { createUserReportRepo } from './user-report-repo.js';

// Joins the one Store as store.userReports and store.eventAttachments without store/ importing this domain (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    userReports: ReturnType<typeof createUserReportRepo>;
    eventAttachments: ReturnType<typeof createEventAttachmentRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const feedbackRepositories = {
  userReports: createUserReportRepo,
  eventAttachments: createEventAttachmentRepo,
} satisfies Pick<RepositoryFactories, 'userReports' | 'eventAttachments'>;
