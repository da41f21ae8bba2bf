import { createDeployRepo } from './deploys.js';
import { createReleaseCommitRepo } from './release-commits.js';
import { createReleaseStatsRepo } from './release-stats.js';
import { createReleaseRepo } from './releases.js';
import type { RepoContext } from './repo-context.js';

/** The release aggregate: releases, their projects, deploys, commits and page counts. */
export function createReleaseRepos(ctx: RepoContext) {
  return {
    versions: createReleaseRepo(ctx),
    deploys: createDeployRepo(ctx),
    commits: createReleaseCommitRepo(ctx),
    stats: createReleaseStatsRepo(ctx),
  };
}
