import type { Clock, Logger } from '../kernel/index.js';
import type { Store, StoreExecutor } from '../store/index.js';
import type { BlobStorage } from './blob-storage.js';
import type { ArtifactFileRef } from './store/artifact-lookup.js';

const dayMs = 86_400_000;
const rememberMs = 3_600_000;

/**
 * What symbolication reads: the store's lookups (always project-scoped) plus the bytes from
 * blob storage. `markUsed` keeps used artifacts alive for the retention rule with at most one
 * write per artifact per day, off the processing path.
 */
export function createArtifactReader(deps: { store: Store; blobs: BlobStorage; clock: Clock; logger: Logger }) {
  const { store, blobs, clock, logger } = deps;
  const lookup = store.artifacts.lookup;
  const touched = new Map<string, number>();

  return {
    projectsWithArtifacts: (projectIds: readonly number[], exec?: StoreExecutor) => lookup.projectsWithArtifacts(projectIds, exec),
    byDebugIds: (projectId: number, debugIds: readonly string[], exec?: StoreExecutor) => lookup.byDebugIds(projectId, debugIds, exec),
    byUrls: (projectId: number, release: string, dist: string, urls: readonly string[], exec?: StoreExecutor) =>
      lookup.byUrls(projectId, release, dist, urls, exec),
    load: (sha1: string, exec?: StoreExecutor) => blobs.get(sha1, exec),
    markUsed(artifacts: readonly ArtifactFileRef[]): void {
      const now = clock.now();
      const bundleIds = new Set<number>();
      const fileIds = new Set<number>();
      for (const a of artifacts) {
        const key = `${a.source}:${a.ownerId}`;
        if ((touched.get(key) ?? 0) > now - rememberMs) continue;
        touched.set(key, now);
        (a.source === 'bundle' ? bundleIds : fileIds).add(a.ownerId);
      }
      if (touched.size > 10_000) for (const [k, at] of touched) if (at <= now - rememberMs) touched.delete(k);
      if (bundleIds.size + fileIds.size === 0) return;
      lookup.touch([...bundleIds], [...fileIds], now, dayMs).catch((err: unknown) => logger.warn({ err }, 'could not record artifact use'));
    },
  };
}

export type ArtifactReader = ReturnType<typeof createArtifactReader>;
