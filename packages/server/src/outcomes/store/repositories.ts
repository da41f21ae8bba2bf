import type { RepositoryFactories } from '../../store/index.js';
import { createOutcomeRepo } from './outcomes.js';

// These repositories join the one Store (store.outcomes, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    outcomes: ReturnType<typeof createOutcomeRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const outcomeRepositories = {
  outcomes: createOutcomeRepo,
} satisfies Pick<RepositoryFactories, 'outcomes'>;
