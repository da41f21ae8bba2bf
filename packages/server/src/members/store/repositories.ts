import type { RepositoryFactories } from '../../store/index.js';
import { createMemberInviteRepo } from './member-invites.js';
import { createMemberRepo } from './members.js';
import { createTeamRepo } from './teams.js';

// These repositories join the one Store (store.members, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    members: ReturnType<typeof createMemberRepo>;
    memberInvites: ReturnType<typeof createMemberInviteRepo>;
    teams: ReturnType<typeof createTeamRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const memberRepositories = {
  members: createMemberRepo,
  memberInvites: createMemberInviteRepo,
  teams: createTeamRepo,
} satisfies Pick<RepositoryFactories, 'members' | 'memberInvites' | 'teams'>;
