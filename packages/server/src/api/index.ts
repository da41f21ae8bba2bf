/**
 * api: the HTTP face of the Sentry-compatible web API under /api/0/ and the
 * health endpoints. Routes are thin: they resolve the caller, check access
 * through auth, call the domain and serialize in Sentry's shapes.
 */
import type { FastifyInstance } from 'fastify';
import type { Artifacts } from '../artifacts/index.js';
import { registerArtifactRoutes, registerChunkUploadRoutes } from '../artifacts/index.js';
import type { Auth } from '../auth/index.js';
import { registerAuthRoutes, registerTokenRoutes } from '../auth/index.js';
import { registerEventRoutes, registerIssueDetailRoutes, registerIssueRoutes, registerProjectTagRoutes } from '../issues/index.js';
import type { Clock } from '../kernel/index.js';
import type { Membership } from '../members/index.js';
import { registerMemberRoutes, registerTeamRoutes } from '../members/index.js';
import type { ProcessingRules } from '../organizations/index.js';
import { registerOrganizationRoutes, registerProjectRoutes, registerProjectSettingsRoutes } from '../organizations/index.js';
import type { Releases } from '../releases/index.js';
import { registerReleaseRoutes } from '../releases/index.js';
import type { Store } from '../store/index.js';
import { registerHealthRoutes } from './health-routes.js';

export { registerAlertRoutes } from '../alert/index.js';
export { installPrincipalResolution, requirePrincipal, userJson } from '../auth/index.js';
export { installErrorHandling, paginate, readPage } from '../http/index.js';
export { alertIssueSearch } from '../issues/index.js';
export type { ProcessingRules } from '../organizations/index.js';
export { clientKeyJson, organizationJson, projectJson } from '../organizations/index.js';

export function registerApiRoutes(
  app: FastifyInstance,
  deps: {
    auth: Auth;
    store: Store;
    publicUrl: string;
    clock: Clock;
    processing: ProcessingRules;
    releases: Releases;
    artifacts: Artifacts;
    membership: Membership;
  },
): void {
  const secureCookies = deps.publicUrl.startsWith('https:');
  registerHealthRoutes(app, deps.store);
  registerAuthRoutes(app, deps.auth, secureCookies);
  registerOrganizationRoutes(app, deps.auth, deps.store, deps.publicUrl);
  registerProjectRoutes(app, deps.auth, deps.store, deps.publicUrl, deps.processing);
  registerTokenRoutes(app, deps.auth, deps.store);
  registerMemberRoutes(app, { ...deps, secureCookies });
  registerTeamRoutes(app, deps);
  registerProjectTagRoutes(app, deps);
  registerProjectSettingsRoutes(app, deps.auth, deps.store, deps.processing);
  registerIssueRoutes(app, deps);
  registerIssueDetailRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerReleaseRoutes(app, deps);
  registerChunkUploadRoutes(app, deps);
  registerArtifactRoutes(app, deps);
}
export { ISSUE_PREFIXES, type IssueRouteDeps, issueInScope } from '../issues/index.js';
