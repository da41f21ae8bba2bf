import type { RepositoryFactories } from '../../store/index.js';
import { createApiTokenRepo } from './api-tokens.js';
import { createSessionRepo, createSignInAttemptRepo } from './sessions.js';
import { createUserRepo } from './users.js';

// These repositories join the one Store (store.users, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    users: ReturnType<typeof createUserRepo>;
    apiTokens: ReturnType<typeof createApiTokenRepo>;
    sessions: ReturnType<typeof createSessionRepo>;
    signInAttempts: ReturnType<typeof createSignInAttemptRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const authRepositories = {
  users: createUserRepo,
  apiTokens: createApiTokenRepo,
  sessions: createSessionRepo,
  signInAttempts: createSignInAttemptRepo,
} satisfies Pick<RepositoryFactories, 'users' | 'apiTokens' | 'sessions' | 'signInAttempts'>;
