import type { RepositoryFactories } from '../../store/index.js';
import { createReplayRepo } from './replay-repo.js';

// Joins the one Store as store.replays without store/ importing this domain (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    replays: ReturnType<typeof createReplayRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const replayRepositories = {
  replays: createReplayRepo,
} satisfies Pick<RepositoryFactories, 'replays'>;
