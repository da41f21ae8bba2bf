import type { RepositoryFactories } from '../../store/index.js';
import { createIssueCounterRepo } from './issue-counters.js';
import { createIssueIgnoreExpiryRepo } from './issue-ignore-expiry.js';
import { createIssueMergeRepo } from './issue-merge.js';
import { createIssueTriageRepo } from './issue-triage.js';
import { createIssueWriteRepo } from './issue-writes.js';

// These repositories join the one Store (store.issueWrites, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    issueWrites: ReturnType<typeof createIssueWriteRepo>;
    issueCounters: ReturnType<typeof createIssueCounterRepo>;
    issueIgnoreExpiry: ReturnType<typeof createIssueIgnoreExpiryRepo>;
    issueTriage: ReturnType<typeof createIssueTriageRepo>;
    issueMerge: ReturnType<typeof createIssueMergeRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const issueRepositories = {
  issueWrites: createIssueWriteRepo,
  issueCounters: createIssueCounterRepo,
  issueIgnoreExpiry: createIssueIgnoreExpiryRepo,
  issueTriage: createIssueTriageRepo,
  issueMerge: createIssueMergeRepo,
} satisfies Pick<RepositoryFactories, 'issueWrites' | 'issueCounters' | 'issueIgnoreExpiry' | 'issueTriage' | 'issueMerge'>;
