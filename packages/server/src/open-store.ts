import { alertRepositories } from './alert/index.js';
import { artifactRepositories } from './artifacts/index.js';
import { authRepositories } from './auth/index.js';
import { eventRepositories } from './events/index.js';
import { feedbackRepositories } from './feedback/index.js';
import { issueRepositories } from './issues/index.js';
import { memberRepositories } from './members/index.js';
import { monitorRepositories } from './monitors/index.js';
import { organizationRepositories } from './organizations/index.js';
import { outcomeRepositories } from './outcomes/index.js';
import { releaseRepositories } from './releases/index.js';
import { replayRepositories } from './replays/index.js';
import { sessionRepositories } from './sessions/index.js';
import { openDatabase, type RepositoryFactories, type Store, type StoreOptions } from './store/index.js';

/**
 * Every domain's repositories, assembled into the one `Store` the subsystems are given. store/
 * opens the database and knows no domain; each domain owns its tables' repositories
 * (`<domain>/store/repositories.ts`); this list is where they meet, and its type makes a
 * missing one a compile error.
 */
export const repositories: RepositoryFactories = {
  ...organizationRepositories,
  ...authRepositories,
  ...memberRepositories,
  ...eventRepositories,
  ...issueRepositories,
  ...outcomeRepositories,
  ...alertRepositories,
  ...releaseRepositories,
  ...artifactRepositories,
  ...sessionRepositories,
  ...monitorRepositories,
  ...feedbackRepositories,
  ...replayRepositories,
};

/** Opens the configured database with every domain's repositories (cli/, the processing thread and tests). */
export function openStore(options: StoreOptions): Store {
  return openDatabase(options, repositories);
}
