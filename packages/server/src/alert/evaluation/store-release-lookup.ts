import type { Store } from '../../store/index.js';
import type { ReleaseLookup } from './release-lookup.js';

const recentDeploys = 3;

/** Releases and deploys from the release tables (issue #6): the newest release by creation and the one before a release, deploys newest first. */
export function storeReleaseLookup(store: Store): ReleaseLookup {
  return {
    async latestRelease(projectId) {
      return (await store.releases.versions.latestForProject(store.db, projectId))?.version ?? null;
    },
    async previousRelease(projectId, version) {
      const project = await store.projects.byId(projectId);
      const release = project && (await store.releases.versions.byVersion(project.orgId, version));
      if (!release) return null;
      return (await store.releases.versions.previousForProject(store.db, projectId, release))?.version ?? null;
    },
    async recentDeploys(orgId, version) {
      const release = await store.releases.versions.byVersion(orgId, version);
      if (!release) return [];
      const deploys = await store.releases.deploys.forRelease(release.id);
      return deploys.slice(0, recentDeploys).map((d) => ({ environment: d.environment, finishedAt: d.dateFinished }));
    },
  };
}
