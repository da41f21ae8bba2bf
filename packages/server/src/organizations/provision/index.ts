/**
 * provision: creating organizations, teams, projects and client keys with the
 * defaults a new workspace needs, and formatting DSNs. It must not know about
 * HTTP or the CLI; both call it.
 */
export { formatDsn, ingestBaseUrl } from './dsn.js';
export { createProvisioning, type Provisioning } from './provision.js';
export { isValidSlug, slugify } from './slug.js';
