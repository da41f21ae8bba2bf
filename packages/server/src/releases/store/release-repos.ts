import type { RepoContext } from '../../store/index.js';
import { createDeployRepo } from './deploys.js';
import { createReleaseCommitRepo } from './release-commits.js';
import { createReleaseStatsRepo } from './release-stats.js';
import { createReleaseRepo } from './releases.js';

/** The release aggregate: releases, their projects, deploys, commits and page counts. */
export function createReleaseRepos(ctx: RepoContext) {
  return {
    versions: createReleaseRepo(ctx),
    deploys: createDeployRepo(ctx),
    commits: createReleaseCommitRepo(ctx),
    stats: createReleaseStatsRepo(ctx),
  };
}
