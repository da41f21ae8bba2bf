/**
 * releases — versions of the user's application as sentry-cli and the SDKs name them:
 * creation (explicit, and implicit when events arrive), finalize, deploys, commits and
 * repositories, the release page facts, and "which release is newer" (creation order, as
 * Sentry) for "resolved in next release". Owns the release tables (`store/`) and routes
 * (`routes/`); it must not store artifacts (artifacts/ does).
 */
export { type PipelineReleases, pipelineReleases } from './pipeline-releases.js';
export { loadReleaseFacts } from './release-facts.js';
export { type CommitInput, isValidVersion, MAX_VERSION_LENGTH, parseVersion, type RefInput } from './release-input.js';
export {
  commitJson,
  deployJson,
  type ReleaseFacts,
  type ReleaseJson,
  releaseJson,
  releaseSummaryJson,
  repositoryJson,
  shortVersion,
  versionInfo,
} from './release-json.js';
export { compareReleases, isNewerRelease, type ReleaseRank, staysResolved } from './release-order.js';
export { RELEASE_STATS_PERIODS, type ReleaseEventStats, type ReleaseStatsPeriod } from './release-stats.js';
export { createReleases, type Releases } from './releases.js';
export { type ReleasesApiDeps, registerReleasesApi } from './routes/index.js';
export { pageFromStore, releaseAccess } from './routes/release-routes.js';
export type { Release } from './store/releases.js';
export { releaseRepositories } from './store/repositories.js';
