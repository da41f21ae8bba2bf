import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Clock } from '../../kernel/index.js';
import type { ProjectEnvironments } from '../../organizations/index.js';
import type { Store } from '../../store/index.js';
import type { Membership } from '../membership.js';
import { registerMemberRoutes } from './member-routes.js';
import { registerTeamRoutes } from './team-routes.js';

export interface MembersApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly clock: Clock;
  readonly membership: Membership;
  readonly secureCookies: boolean;
  /** a project's environments, for project JSON (handed in by api/) */
  readonly environmentsOf: ProjectEnvironments;
}

/** members' part of /api/0/: members, roles, invitations and teams. */
export function registerMembersApi(app: FastifyInstance, deps: MembersApiDeps): void {
  registerMemberRoutes(app, deps);
  registerTeamRoutes(app, deps);
}
