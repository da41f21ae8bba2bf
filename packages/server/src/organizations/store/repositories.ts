import type { RepositoryFactories } from '../../store/index.js';
import { createClientKeyRepo } from './client-keys.js';
import { createOrganizationRepo } from './organizations.js';
import { createProjectRepo } from './projects.js';

// These repositories join the one Store (store.organizations, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    organizations: ReturnType<typeof createOrganizationRepo>;
    projects: ReturnType<typeof createProjectRepo>;
    clientKeys: ReturnType<typeof createClientKeyRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const organizationRepositories = {
  organizations: createOrganizationRepo,
  projects: createProjectRepo,
  clientKeys: createClientKeyRepo,
} satisfies Pick<RepositoryFactories, 'organizations' | 'projects' | 'clientKeys'>;
