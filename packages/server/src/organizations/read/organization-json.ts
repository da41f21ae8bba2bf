import type { Team } from '../../members/index.js';
import { formatDsn, ingestBaseUrl } from '../provision/dsn.js';
import type { ClientKey } from '../store/client-keys.js';
import type { Organization } from '../store/organizations.js';
import type { Project } from '../store/projects.js';

/** JSON shapes as Sentry's web API returns them (ids are strings, dates RFC 3339). */
const iso = (ms: number) => new Date(ms).toISOString();

export function organizationJson(org: Organization, publicUrl: string) {
  return {
    id: String(org.id),
    slug: org.slug,
    name: org.name,
    dateCreated: iso(org.createdAt),
    status: { id: 'active', name: 'active' },
    isEarlyAdopter: false,
    require2FA: false,
    requireEmailVerification: false,
    features: [] as string[],
    // No uploaded avatars: Sentry's letter avatar, which Grafana's data source reads (docs/grafana.md).
    avatar: { avatarType: 'letter_avatar', avatarUuid: null },
    // Sentry's API docs (Organizations › List Your Organizations) give each organization the URL
    // of its web UI; the Sentry MCP server rejects the list unless it is one. There is one region:
    // an empty regionUrl keeps clients on the host they were given (the MCP server would only
    // follow an https one).
    links: { organizationUrl: publicUrl, regionUrl: '' },
  };
}

export function teamJson(team: Team) {
  return { id: String(team.id), slug: team.slug, name: team.name, dateCreated: iso(team.createdAt) };
}

/** A project's environments, newest-used first; handed in by api/ (issues/ knows them), so this folder imports nothing for it. */
export type ProjectEnvironments = (projectId: number) => Promise<string[]>;

export function projectJson(project: Project, org: Organization, teams: Team[], environments: readonly string[] = []) {
  return {
    id: String(project.id),
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    dateCreated: iso(project.createdAt),
    status: 'active',
    isMember: true,
    hasAccess: true,
    isBookmarked: false,
    // Grafana's environment variables list these (docs/grafana.md).
    environments: [...environments],
    features: [] as string[],
    team: teams[0] ? teamJson(teams[0]) : null,
    teams: teams.map(teamJson),
    organization: { id: String(org.id), slug: org.slug, name: org.name },
  };
}

export function clientKeyJson(key: ClientKey, publicUrl: string) {
  const dsn = formatDsn(publicUrl, key);
  const base = ingestBaseUrl(publicUrl, key.projectId);
  return {
    id: key.publicKey,
    name: key.label,
    label: key.label,
    public: key.publicKey,
    secret: key.secretKey,
    projectId: key.projectId,
    isActive: key.enabled,
    rateLimit: key.rateLimit === null ? null : { window: 60, count: key.rateLimit },
    dateCreated: iso(key.createdAt),
    dsn: {
      public: dsn,
      secret: dsn.replace(`${key.publicKey}@`, `${key.publicKey}:${key.secretKey}@`),
      csp: `${base}/security/?sentry_key=${key.publicKey}`,
      security: `${base}/security/?sentry_key=${key.publicKey}`,
      minidump: `${base}/minidump/?sentry_key=${key.publicKey}`,
      unreal: `${base}/unreal/${key.publicKey}/`,
      cdn: null,
    },
  };
}
