/**
 * issues/read — the read model behind the issue routes: the search AST compiled to SQL
 * conditions, keyset-paginated lists, per-page counts and sparklines from issue_hourly, tag
 * summaries, and the Group JSON Sentry's clients read. Lists read `issues` and indexed counter
 * tables only, never events. Must not write (user-initiated changes go through the issues'
 * triage repo) nor know about HTTP.
 */

export { compileIssueQuery, type IssueCondition, type IssueSearchScope, TAG_KEYS } from './compile-search.js';
export { issueActivity, issueById, issueByShortId, issueDetailJson } from './issue-detail.js';
export { assignedToJson, type IssueJson, issueJson, type ProjectRef, parseJsonObject, statusDetails } from './issue-json.js';
export { type CountFilter, filteredCounts, issueStats, type StatsPeriod, type StatsSeries } from './issue-stats.js';
export { issueTagKeys, issueTagValues, TAG_VALUE_SORTS, type TagKeyJson, type TagValueJson, type TagValueSort, tagLabel } from './issue-tags.js';
export { latestReleases } from './latest-release.js';
export { escapeLike, globPattern } from './like-pattern.js';
export { type IssueListQuery, type IssueRow, listIssues, matchingIssueIds, SORT_COLUMNS } from './list-issues.js';
export { PROJECT_TAG_KEY_LIMIT, PROJECT_TAG_VALUE_LIMIT, type ProjectTagKeyJson, projectTagKeys, projectTagValues } from './project-tags.js';
export { type SerializeIssuesOptions, serializeIssues } from './serialize-issues.js';
export { formatShortId, parseShortId, type ShortIdParse } from './short-id.js';
