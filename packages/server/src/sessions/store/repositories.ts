import type { RepositoryFactories } from '../../store/index.js';
import { createSessionRepo } from './session-repo.js';

// Joins the one Store as store.releaseHealth without store/ importing this domain (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    releaseHealth: ReturnType<typeof createSessionRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const sessionRepositories = {
  releaseHealth: createSessionRepo,
} satisfies Pick<RepositoryFactories, 'releaseHealth'>;
