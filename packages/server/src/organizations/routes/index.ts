import type { FastifyInstance } from 'fastify';
import type { Auth } from '../../auth/index.js';
import type { Store } from '../../store/index.js';
import type { ProjectEnvironments } from '../read/organization-json.js';
import type { SettingsRules } from '../settings-rules.js';
import { registerOrganizationRoutes } from './organization-routes.js';
import { registerProjectRoutes } from './project-routes.js';
import { registerProjectSettingsRoutes } from './project-settings-routes.js';

export interface OrganizationsApiDeps {
  readonly auth: Auth;
  readonly store: Store;
  readonly publicUrl: string;
  readonly settingsRules: SettingsRules;
  readonly environmentsOf: ProjectEnvironments;
}

/** organizations' part of /api/0/: organizations, projects, client keys and project settings. */
export function registerOrganizationsApi(app: FastifyInstance, deps: OrganizationsApiDeps): void {
  registerOrganizationRoutes(app, deps.auth, deps.store, deps.publicUrl, deps.environmentsOf);
  registerProjectRoutes(app, deps.auth, deps.store, deps.publicUrl, deps.settingsRules);
  registerProjectSettingsRoutes(app, deps.auth, deps.store, deps.settingsRules);
}
