import type { RepositoryFactories } from '../../store/index.js';
import { createArtifactRepos } from './artifact-repos.js';

// These repositories join the one Store (store.artifacts, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    artifacts: ReturnType<typeof createArtifactRepos>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const artifactRepositories = {
  artifacts: createArtifactRepos,
} satisfies Pick<RepositoryFactories, 'artifacts'>;
