import { createArtifactBundleRepo } from './artifact-bundles.js';
import { createArtifactLookupRepo } from './artifact-lookup.js';
import { createBlobRepo } from './blobs.js';
import { createDeployRepo } from './deploys.js';
import { createReleaseCommitRepo } from './release-commits.js';
import { createReleaseFileRepo } from './release-files.js';
import { createReleaseStatsRepo } from './release-stats.js';
import { createReleaseRepo } from './releases.js';
import type { RepoContext } from './repo-context.js';
import { createUploadChunkRepo } from './upload-chunks.js';

/** The release aggregate: releases, their projects, deploys, commits and page counts. */
export function createReleaseRepos(ctx: RepoContext) {
  return {
    versions: createReleaseRepo(ctx),
    deploys: createDeployRepo(ctx),
    commits: createReleaseCommitRepo(ctx),
    stats: createReleaseStatsRepo(ctx),
  };
}

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
