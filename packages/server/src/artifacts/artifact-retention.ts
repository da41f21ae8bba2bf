import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import type { BlobStorage } from './blob-storage.js';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** A blob younger than this is never collected: its metadata row may be on its way. */
export const BLOB_GRACE_MS = hourMs;
const GC_PAGE = 500;

export interface ArtifactRetentionRun {
  bundles: number;
  releaseFiles: number;
  chunks: number;
  blobs: number;
}

/** Hourly on the leased schedule (jobs/ scheduler, registered by app.ts); the lease lasts the period. */
export const ARTIFACT_RETENTION = { task: 'artifacts.retention', everyMs: hourMs } as const;

/**
 * The retention rule: bundles and release files unused (neither uploaded nor used by
 * symbolication) for `retentionDays` go, chunks go `chunkRetentionHours` after their last
 * upload, and then every blob no row refers to any more. The deletes are idempotent.
 */
export function createArtifactRetention(deps: {
  store: Store;
  blobs: BlobStorage;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  chunkRetentionHours: number;
}) {
  const { store, blobs, clock, logger } = deps;
  let running: Promise<ArtifactRetentionRun> | null = null;

  async function collectBlobs(now: number): Promise<number> {
    let removed = 0;
    let after = '';
    for (;;) {
      const page = await blobs.listOlderThan(now - BLOB_GRACE_MS, after, GC_PAGE);
      if (page.length === 0) break;
      const used = await store.artifacts.lookup.referenced(page);
      for (const sha1 of page) {
        if (used.has(sha1)) continue;
        await blobs.remove(sha1, now - BLOB_GRACE_MS);
        removed++;
      }
      after = page[page.length - 1] as string;
      if (page.length < GC_PAGE) break;
    }
    return removed;
  }

  async function run(): Promise<ArtifactRetentionRun> {
    const now = clock.now();
    const unused = deps.retentionDays > 0 ? await store.artifacts.lookup.removeUnusedSince(now - deps.retentionDays * dayMs) : { bundles: 0, releaseFiles: 0 };
    const chunks = await store.artifacts.chunks.removeOlderThan(now - deps.chunkRetentionHours * hourMs);
    await store.artifacts.chunks.removeAssembliesOlderThan(now - dayMs);
    const removedBlobs = await collectBlobs(now);
    const result = { ...unused, chunks, blobs: removedBlobs };
    if (result.bundles + result.releaseFiles + result.chunks + result.blobs > 0) logger.info(result, 'artifact retention deleted unused uploads');
    return result;
  }

  function runOnce(): Promise<ArtifactRetentionRun> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return { runOnce };
}
