import type { RepoContext } from '../../store/index.js';
import { createArtifactBundleRepo } from './artifact-bundles.js';
import { createArtifactLookupRepo } from './artifact-lookup.js';
import { createBlobRepo } from './blobs.js';
import { createReleaseFileRepo } from './release-files.js';
import { createUploadChunkRepo } from './upload-chunks.js';

/** Uploaded artifacts: chunks and assemblies, bundles, legacy release files, lookups, database blobs. */
export function createArtifactRepos(ctx: RepoContext) {
  return {
    chunks: createUploadChunkRepo(ctx),
    bundles: createArtifactBundleRepo(ctx),
    releaseFiles: createReleaseFileRepo(ctx),
    lookup: createArtifactLookupRepo(ctx),
    blobs: createBlobRepo(ctx),
  };
}
