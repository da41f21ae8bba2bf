import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Releases } from '../releases.js';
import { registerReleaseRoutes } from './release-routes.js';

export interface ReleasesApiDeps {
  readonly auth: Auth;
  readonly releases: Releases;
}

/** releases' part of /api/0/: releases, deploys, commits and the release pages. */
export function registerReleasesApi(app: FastifyInstance, deps: ReleasesApiDeps): void {
  registerReleaseRoutes(app, deps);
}
