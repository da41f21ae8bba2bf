import type { RepositoryFactories } from '../../store/index.js';
import { createReleaseRepos } from './release-repos.js';

// These repositories join the one Store (store.releases, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    releases: ReturnType<typeof createReleaseRepos>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const releaseRepositories = {
  releases: createReleaseRepos,
} satisfies Pick<RepositoryFactories, 'releases'>;
