import type { ReleaseResolutionCheck } from '../issues/index.js';
import type { Store, StoreExecutor } from '../store/index.js';
import { type ReleaseRank, staysResolved } from './release-order.js';
import type { Releases } from './releases.js';

/**
 * What the processing pipeline needs of releases, handed to it by the composition roots
 * (process/ may not import releases/): implicit releases per batch and project, and the
 * "newer release" check of the issue lifecycle over the organization's release order.
 */
export interface PipelineReleases {
  ensure(trx: StoreExecutor, projectId: number, versions: readonly string[], seenAt: number): Promise<unknown>;
  resolutionCheck(trx: StoreExecutor, projectId: number, versions: readonly string[]): Promise<ReleaseResolutionCheck>;
}

export function pipelineReleases(releases: Releases, store: Store): PipelineReleases {
  // A project never changes organization: its org id is read once, inside the batch's transaction.
  const orgOf = new Map<number, number>();
  return {
    ensure: (trx, projectId, versions, seenAt) => releases.ensureReleases(trx, projectId, versions, seenAt),
    async resolutionCheck(trx, projectId, versions) {
      let orgId = orgOf.get(projectId);
      if (orgId === undefined) {
        // With no versions this only reads the project's organization (through `trx`: SQLite has one connection).
        orgId = (await store.releases.versions.ensureForEvents(trx, projectId, [], 0)).orgId;
        orgOf.set(projectId, orgId);
      }
      const ranks: ReadonlyMap<string, ReleaseRank> = await releases.ranks(trx, orgId, versions);
      return (resolution, resolvedIn, eventRelease) =>
        staysResolved(resolution, resolvedIn === null ? undefined : ranks.get(resolvedIn), ranks.get(eventRelease));
    },
  };
}
