import type { RepositoryFactories } from '../../store/index.js';
import { createAlertRepos } from './alert-repos.js';

// These repositories join the one Store (store.alerts, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    alerts: ReturnType<typeof createAlertRepos>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const alertRepositories = {
  alerts: createAlertRepos,
} satisfies Pick<RepositoryFactories, 'alerts'>;
