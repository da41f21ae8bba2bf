/**
 * artifacts — what sentry-cli and the bundler plugins upload for source maps: chunks,
 * artifact bundles (assembled from chunks) and legacy release files, stored once per content
 * (SHA-1) in blob storage (database or DATA_DIR/artifacts, chosen in blob-storage.ts), with a
 * retention rule. Also the reader symbolication uses. Owns the artifact tables (`store/`)
 * and the upload routes (`routes/`); it must not resolve frames
 * (process/symbolicate/source-maps does).
 */
import type { Config } from '../config/index.js';
import type { Clock, Logger } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { type ArtifactReader, createArtifactReader } from './artifact-reader.js';
import { createArtifactRetention } from './artifact-retention.js';
import { type AssembleRequest, type AssembleResponse, createAssembler } from './assemble.js';
import { type BlobStorage, openBlobStorage } from './blob-storage.js';
import { type ChunkLimits, DEFAULT_CHUNK_LIMITS, sha1Hex } from './chunks.js';
import type { ReleaseFile } from './store/release-files.js';

export type { ArtifactReader } from './artifact-reader.js';
export { ARTIFACT_RETENTION, type ArtifactRetentionRun, BLOB_GRACE_MS } from './artifact-retention.js';
export type { AssembleRequest, AssembleResponse, AssembleState } from './assemble.js';
export { type BlobStorage, createDatabaseBlobStorage, createFileBlobStorage, openBlobStorage } from './blob-storage.js';
export { type ChunkDecode, type ChunkLimits, decodeChunk, isSha1, sha1Hex } from './chunks.js';
export { ARTIFACT_TYPES, type BundleParse, isSafeArchivePath, normalizeDebugId, parseSourceBundle } from './source-bundle.js';

export interface Artifacts {
  readonly blobs: BlobStorage;
  readonly limits: ChunkLimits;
  /** false: chunk-upload answers 404 (FAULTLINE_CHUNK_UPLOAD_ENABLED) */
  readonly chunkUploadEnabled: boolean;
  storeChunks(orgId: number, chunks: readonly { sha1: string; data: Uint8Array }[]): Promise<void>;
  assemble(req: AssembleRequest): Promise<AssembleResponse>;
  /** undefined when a file with this name and dist exists in the release */
  addReleaseFile(
    orgId: number,
    input: { releaseId: number; name: string; dist: string; headers: Record<string, string>; content: Uint8Array },
  ): Promise<ReleaseFile | undefined>;
  readonly reader: ArtifactReader;
  /** run by the leased scheduler (ARTIFACT_RETENTION) */
  readonly retention: ReturnType<typeof createArtifactRetention>;
  /** waits for assemblies in progress */
  stop(): Promise<void>;
  /** resolves when assemblies started by this process are done (tests) */
  idle(): Promise<void>;
}

/** `onChange`: artifacts were stored (symbolication forgets which projects have none). */
export function createArtifacts(deps: { config: Config; store: Store; clock: Clock; logger: Logger; onChange?: () => void }): Artifacts {
  const { config, store, clock, logger } = deps;
  const blobs = openBlobStorage({ config, store });
  const limits: ChunkLimits = { ...DEFAULT_CHUNK_LIMITS, maxFileSize: config.artifactMaxFileBytes };
  const assembler = createAssembler({
    store,
    blobs,
    clock,
    logger,
    limits: { maxFileSize: config.artifactMaxFileBytes, maxUnpackedBytes: config.artifactMaxUnpackedBytes, maxFiles: config.artifactMaxBundleFiles },
    onStored: () => deps.onChange?.(),
  });
  const retention = createArtifactRetention({
    store,
    blobs,
    clock,
    logger,
    retentionDays: config.artifactRetentionDays,
    chunkRetentionHours: config.artifactChunkRetentionHours,
  });
  return {
    blobs,
    limits,
    chunkUploadEnabled: config.chunkUploadEnabled,
    async storeChunks(orgId, chunks) {
      // Bytes first: an ownership row must never point at content that is not stored.
      for (const c of chunks) await blobs.put(c.sha1, c.data);
      await store.artifacts.chunks.add(
        orgId,
        chunks.map((c) => ({ sha1: c.sha1, size: c.data.byteLength })),
      );
    },
    assemble: (req) => assembler.assemble(req),
    async addReleaseFile(orgId, input) {
      const sha1 = sha1Hex(input.content);
      await blobs.put(sha1, input.content);
      const file = await store.artifacts.releaseFiles.create(orgId, {
        releaseId: input.releaseId,
        name: input.name,
        dist: input.dist,
        sha1,
        size: input.content.byteLength,
        headers: input.headers,
      });
      if (file) deps.onChange?.();
      return file;
    },
    reader: createArtifactReader({ store, blobs, clock, logger }),
    retention,
    stop: () => assembler.idle(),
    idle: () => assembler.idle(),
  };
}
export { type ArtifactsApiDeps, registerArtifactsApi } from './routes/index.js';
export type { ArtifactFileRef } from './store/artifact-lookup.js';
export { artifactRepositories } from './store/repositories.js';
