import { isBuildHash, parseRelease } from './release-semver.js';
import type { Deploy } from './store/deploys.js';
import type { Commit, Repository } from './store/release-commits.js';
import type { Release } from './store/releases.js';

/**
 * Release, deploy, commit and repository JSON as Sentry's web API returns them (Sentry API
 * reference, Releases; docs/wire-format.md › sentry-cli: releases): sentry-cli requires `version` and
 * `dateCreated`; the rest feeds the release pages.
 */
const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** A 40-hex version (a git SHA) is shown as its first 12 characters, as Sentry does. */
export function shortVersion(version: string): string {
  const at = version.lastIndexOf('@');
  const head = at >= 0 ? version.slice(0, at + 1) : '';
  const rest = at >= 0 ? version.slice(at + 1) : version;
  return /^[0-9a-f]{40}$/i.test(rest) ? `${head}${rest.slice(0, 12)}` : version;
}

/**
 * `package@version+build` → Sentry's `versionInfo`: the version's parts when it follows
 * Sentry's format (release-semver.ts), its description (`1.2.3 (77)` for a build, a git SHA's
 * first 12 characters) and `buildHash` for a version that is a SHA.
 */
export function versionInfo(version: string) {
  const parsed = parseRelease(version);
  const v = parsed.version;
  const isHash = isBuildHash(parsed.versionText);
  const description = v ? `${parsed.versionText}${v.buildCode === null ? '' : ` (${v.buildCode})`}` : isHash ? parsed.versionText.slice(0, 12) : parsed.raw;
  return {
    package: parsed.package,
    version: v
      ? { raw: parsed.raw, major: v.major, minor: v.minor, patch: v.patch, pre: v.pre, buildCode: v.buildCode, components: v.components }
      : { raw: parsed.raw },
    description,
    buildHash: isHash ? parsed.versionText : null,
  };
}

export interface ReleaseProjectFacts {
  id: number;
  slug: string;
  name: string;
  platform: string | null;
  newGroups: number;
}

export interface ReleaseFacts {
  release: Release;
  projects: readonly ReleaseProjectFacts[];
  firstEvent: number | null;
  lastEvent: number | null;
  eventCount: number;
  commits: { count: number; head: Commit; authors: readonly { name: string | null; email: string }[] } | undefined;
  deploys: { count: number; last: Deploy } | undefined;
}

export function commitJson(c: Commit, repositoryName?: string) {
  return {
    id: c.key,
    message: c.message,
    dateCreated: iso(c.dateAdded),
    author: c.authorEmail || c.authorName ? { name: c.authorName, email: c.authorEmail } : null,
    ...(repositoryName === undefined ? {} : { repository: { name: repositoryName } }),
  };
}

export function deployJson(d: Deploy) {
  return { id: String(d.id), environment: d.environment, name: d.name, url: d.url, dateStarted: iso(d.dateStarted), dateFinished: iso(d.dateFinished) };
}

const providerNames: Record<string, string> = {
  'integrations:github': 'GitHub',
  'integrations:github_enterprise': 'GitHub Enterprise',
  'integrations:gitlab': 'GitLab',
  'integrations:bitbucket': 'Bitbucket',
  'integrations:vsts': 'Azure DevOps',
};

export function repositoryJson(r: Repository) {
  const provider = r.provider ?? 'integrations:custom';
  return {
    id: String(r.id),
    name: r.name,
    url: r.url,
    provider: { id: provider, name: providerNames[provider] ?? 'Custom' },
    status: r.status,
    dateCreated: iso(r.createdAt),
    integrationId: null,
    externalSlug: r.name,
  };
}

export function releaseJson(f: ReleaseFacts) {
  const r = f.release;
  return {
    id: r.id,
    version: r.version,
    shortVersion: shortVersion(r.version),
    versionInfo: versionInfo(r.version),
    ref: r.ref,
    url: r.url,
    status: r.status,
    dateCreated: iso(r.createdAt),
    dateStarted: iso(r.dateStarted),
    dateReleased: iso(r.dateReleased),
    firstEvent: iso(f.firstEvent),
    lastEvent: iso(f.lastEvent),
    newGroups: f.projects.reduce((n, p) => n + p.newGroups, 0),
    eventCount: f.eventCount,
    data: {},
    owner: null,
    commitCount: f.commits?.count ?? 0,
    lastCommit: f.commits ? commitJson(f.commits.head) : null,
    authors: (f.commits?.authors ?? []).map((a) => ({ name: a.name ?? a.email, email: a.email })),
    deployCount: f.deploys?.count ?? 0,
    lastDeploy: f.deploys ? deployJson(f.deploys.last) : null,
    projects: f.projects.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      platform: p.platform,
      platforms: p.platform ? [p.platform] : [],
      newGroups: p.newGroups,
      hasHealthData: false,
    })),
  };
}

export type ReleaseJson = ReturnType<typeof releaseJson>;

/** The short form issues embed as `firstRelease` / `lastRelease`. */
export function releaseSummaryJson(r: Release) {
  return {
    version: r.version,
    shortVersion: shortVersion(r.version),
    versionInfo: versionInfo(r.version),
    dateCreated: iso(r.createdAt),
    dateReleased: iso(r.dateReleased),
    ref: r.ref,
    url: r.url,
  };
}
