/**
 * organizations — an organization and what it holds: projects, their client keys (DSNs) and
 * settings (inbound filters, scrubbing, grouping rules, retention, release-health thresholds), and provisioning (a new
 * workspace's organization, team, project and key, for the CLI and the API). Owns the tables
 * organizations, projects and client_keys, their routes and JSON. Must not know how the
 * pipeline applies the settings it validates: those rules are passed in.
 */
export { createProvisioning, formatDsn, isValidSlug, type Provisioning, slugify } from './provision/index.js';
export { type ProjectEnvironments, projectJson, teamJson } from './read/organization-json.js';
export { type OrganizationsApiDeps, registerOrganizationsApi } from './routes/index.js';
export type { SettingsRules } from './settings-rules.js';
export type { ClientKey } from './store/client-keys.js';
export type { Organization } from './store/organizations.js';
export type { Project } from './store/projects.js';
export { organizationRepositories } from './store/repositories.js';
