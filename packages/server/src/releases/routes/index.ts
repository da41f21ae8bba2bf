import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Releases } from '../releases.js';
import { type AttachHealth, type RankByHealth, registerReleaseRoutes, type StagesOf } from './release-routes.js';

export interface ReleasesApiDeps {
  readonly auth: Auth;
  readonly releases: Releases;
  /** Sentry's health keys (`?health=1`, `adoptionStages=1`), built by sessions/ and handed in by api/; absent = none */
  readonly attachHealth?: AttachHealth;
  /** a health sort's values per (project, release), from sessions/ through api/; absent = health sorts answer 400 */
  readonly rankByHealth?: RankByHealth;
  /** adoption stages per (project, release), from sessions/ through api/, for `release.stage:`; absent = a 400 */
  readonly stagesOf?: StagesOf;
}

/** releases' part of /api/0/: releases, deploys, commits and the release pages. */
export function registerReleasesApi(app: FastifyInstance, deps: ReleasesApiDeps): void {
  registerReleaseRoutes(app, deps);
}
