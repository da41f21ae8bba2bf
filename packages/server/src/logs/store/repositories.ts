import type { RepositoryFactories } from '../../store/index.js';
import { createLogsRepo } from './logs-repo.js';

// Joins the one Store as store.logs without store/ importing this domain (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    logs: ReturnType<typeof createLogsRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const logRepositories = {
  logs: createLogsRepo,
} satisfies Pick<RepositoryFactories, 'logs'>;
