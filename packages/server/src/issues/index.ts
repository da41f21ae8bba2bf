/**
 * issues — everything about an issue: the status vocabulary and transition rules (regression,
 * ignores that end, new → ongoing; pure, shared by the pipeline and the API), the issue tables'
 * repositories (`store/`: writes from the pipeline, counters, triage, merge), the read model
 * (`read/`: search compiled to SQL, keyset lists with counts and sparklines from the counter
 * tables, tag summaries, Group JSON), the search language Sentry users type (`search/`, pure)
 * and the issue, event and tag routes (`routes/`). Must not derive event tags nor parse project
 * settings: the pipeline owns those rules and they are passed in.
 */
export {
  type ArrivingEvent,
  CLEARED_IGNORE,
  CLEARED_RESOLUTION,
  effectiveSubstatus,
  expiredIgnorePatch,
  type IgnoreEnd,
  type IgnoreProgress,
  ISSUE_STATUSES,
  ISSUE_SUBSTATUSES,
  type IssueStatus,
  type IssueSubstatus,
  ignoreEnded,
  ignoreWindows,
  isIssueStatus,
  isIssueSubstatus,
  isResolution,
  type LifecycleFields,
  type LifecyclePatch,
  ONGOING_AFTER_MS,
  RESOLUTIONS,
  type ReleaseResolutionCheck,
  type Resolution,
  regresses,
  regressionPatch,
  unignorePatch,
} from './lifecycle.js';
export { compileIssueQuery } from './read/compile-search.js';
export { formatShortId, projectTagValues } from './read/index.js';
export { issueById, issueByShortId } from './read/issue-detail.js';
export type { IssueJson } from './read/issue-json.js';
export { latestReleases } from './read/latest-release.js';
export { issueJsonByIds } from './read/serialize-issues.js';
export { type IssuesApiDeps, registerIssuesApi } from './routes/index.js';
// The search tokenizer (one linear pass) is shared with the replay search (replays/read/replay-query.ts).
export { matchParts } from './search/match-parts.js';
export { parseIssueQuery } from './search/parse-issue-query.js';
export { queryErrorDetail } from './search/query-error-detail.js';
export { type FilterTerm, QueryFault, type RawValue, type Term, tokenizeQuery } from './search/tokenize-query.js';
export {
  type ActivityEntry,
  type IgnoreCondition,
  type IssueFacts,
  parseStatusChange,
  planStatusChange,
  type StatusChange,
  type StatusChangeParse,
  type StatusPlan,
} from './status-change.js';
export type { IssueHourlyIncrement, IssueTagIncrement, NewIssueActivity } from './store/issue-counters.js';
export { type IssueState, lifecycleColumnValues } from './store/issue-state.js';
export type { IssueBatchUpdate } from './store/issue-writes.js';
export { issueRepositories } from './store/repositories.js';
