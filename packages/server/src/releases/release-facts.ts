import type { Organization } from '../organizations/index.js';
import type { Store } from '../store/index.js';
import type { ReleaseFacts } from './release-json.js';
import type { Release } from './store/releases.js';

/**
 * Everything a page of releases shows, loaded with a fixed number of queries for the whole
 * page (projects, new issues, events, deploys, commits), never one per release. `onlyProject`
 * narrows projects and counts to one project (the project-scoped endpoints); `environment`
 * narrows the event count to that environment (the list's environment filter).
 */
export async function loadReleaseFacts(
  store: Store,
  org: Organization,
  releases: readonly Release[],
  onlyProject?: number,
  environment?: string,
): Promise<ReleaseFacts[]> {
  if (releases.length === 0) return [];
  const ids = releases.map((r) => r.id);
  const versions = releases.map((r) => r.version);
  const [links, orgProjects, deploys, commits] = await Promise.all([
    store.releases.versions.projectsOf(ids),
    store.projects.list(org.id),
    store.releases.deploys.summaries(ids),
    store.releases.commits.summaries(ids),
  ]);
  const projectById = new Map(orgProjects.map((p) => [p.id, p]));
  const linkedIds = new Set<number>();
  for (const list of links.values()) for (const l of list) if (onlyProject === undefined || l.projectId === onlyProject) linkedIds.add(l.projectId);
  const [newIssues, events] = await Promise.all([
    store.releases.stats.newIssueCounts([...linkedIds], versions),
    store.releases.stats.eventCounts([...linkedIds], versions, environment),
  ]);
  return releases.map((release) => {
    const own = (links.get(release.id) ?? []).filter((l) => onlyProject === undefined || l.projectId === onlyProject);
    let firstEvent: number | null = null;
    let lastEvent: number | null = null;
    for (const l of own) {
      if (l.firstEvent !== null && (firstEvent === null || l.firstEvent < firstEvent)) firstEvent = l.firstEvent;
      if (l.lastEvent !== null && (lastEvent === null || l.lastEvent > lastEvent)) lastEvent = l.lastEvent;
    }
    const projects = own.flatMap((l) => {
      const p = projectById.get(l.projectId);
      return p ? [{ id: p.id, slug: p.slug, name: p.name, platform: p.platform, newGroups: newIssues.get(`${release.version}\u0000${p.id}`) ?? 0 }] : [];
    });
    return {
      release,
      projects,
      firstEvent,
      lastEvent,
      // issue_hourly is per issue; with onlyProject the counts query above is already narrowed.
      eventCount: events.get(release.version) ?? 0,
      commits: commits.get(release.id),
      deploys: deploys.get(release.id),
    };
  });
}
