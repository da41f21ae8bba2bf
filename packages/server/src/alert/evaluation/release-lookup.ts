/**
 * What alerting needs from releases: the project's latest release (for the "latest
 * release" filters) and a release's recent deploys (for the message). An interface so
 * alert/ depends on the store's release tables only through one adapter.
 */
export interface ReleaseLookup {
  latestRelease(projectId: number): Promise<string | null>;
  /** the project's release created just before `version` (Sentry's default release order) */
  previousRelease(projectId: number, version: string): Promise<string | null>;
  /** newest first */
  recentDeploys(orgId: number, version: string): Promise<{ environment: string; finishedAt: number }[]>;
}

export const noReleaseLookup: ReleaseLookup = {
  async latestRelease() {
    return null;
  },
  async previousRelease() {
    return null;
  },
  async recentDeploys() {
    return [];
  },
};
