import { createAlertRepos } from './alert/index.js';
import { createArtifactRepos } from './artifacts/index.js';
import { createApiTokenRepo, createSessionRepo, createSignInAttemptRepo, createUserRepo } from './auth/index.js';
import { createEventDictionaryRepo, createEventRepo } from './events/index.js';
import { createIssueCounterRepo, createIssueIgnoreExpiryRepo, createIssueMergeRepo, createIssueTriageRepo, createIssueWriteRepo } from './issues/index.js';
import { createMemberInviteRepo, createMemberRepo, createTeamRepo } from './members/index.js';
import { createClientKeyRepo, createOrganizationRepo, createProjectRepo } from './organizations/index.js';
import { createOutcomeRepo } from './outcomes/index.js';
import { createReleaseRepos } from './releases/index.js';
import { openDatabase, type RepositoryFactories, type Store, type StoreOptions } from './store/index.js';

/**
 * Every domain's repositories, assembled into the one `Store` the subsystems are given. store/
 * opens the database and knows no domain; each domain owns its tables' repository; this list
 * is where they meet (the type makes a missing one a compile error).
 */
export const repositories: RepositoryFactories = {
  organizations: createOrganizationRepo,
  users: createUserRepo,
  members: createMemberRepo,
  memberInvites: createMemberInviteRepo,
  teams: createTeamRepo,
  projects: createProjectRepo,
  clientKeys: createClientKeyRepo,
  apiTokens: createApiTokenRepo,
  sessions: createSessionRepo,
  signInAttempts: createSignInAttemptRepo,
  events: createEventRepo,
  eventDictionaries: createEventDictionaryRepo,
  issueWrites: createIssueWriteRepo,
  issueCounters: createIssueCounterRepo,
  issueIgnoreExpiry: createIssueIgnoreExpiryRepo,
  outcomes: createOutcomeRepo,
  alerts: createAlertRepos,
  issueTriage: createIssueTriageRepo,
  issueMerge: createIssueMergeRepo,
  releases: createReleaseRepos,
  artifacts: createArtifactRepos,
};

/** Opens the configured database with every domain's repositories (cli/, the processing thread and tests). */
export function openStore(options: StoreOptions): Store {
  return openDatabase(options, repositories);
}
