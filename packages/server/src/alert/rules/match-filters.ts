import { compileGlob, type GlobOptions } from '../../kernel/index.js';
import { AGE_UNITS, FILTER, ISSUE_CATEGORIES, type IssueFilter, LEVELS, type MatchMode } from './issue-rule.js';

/** What filters look at: the event that arrived and the issue it belongs to. */
export interface FilterFacts {
  event: { level: string; release: string | null; tags: readonly (readonly [string, string])[] };
  issue: { type: string; firstSeen: number; firstRelease: string | null };
  /** the project's latest release, when a filter needs it */
  latestRelease: string | null;
  now: number;
}

/** Issue types → Sentry's issue category (feedback, cron check-ins, performance issues; everything else is an error). */
export function issueCategoryOf(type: string): number {
  if (type === 'feedback' || type === 'user_report') return ISSUE_CATEGORIES.feedback;
  if (type === 'cron' || type === 'check_in') return ISSUE_CATEGORIES.cron;
  if (type === 'transaction' || type.startsWith('performance')) return ISSUE_CATEGORIES.performance;
  return ISSUE_CATEGORIES.error;
}

/** Sentry's tag filter glob: `*` any run, `?` one character, everything else literal, whole value, case as written. */
const TAG_GLOB: GlobOptions = { classes: false, caseFolding: 'none' };

function levelNumber(level: string): number {
  return LEVELS[level as keyof typeof LEVELS] ?? LEVELS.error;
}

function matchTag(values: string[], match: string, expected: string): boolean {
  switch (match) {
    case 'is':
      return values.length > 0;
    case 'ns':
      return values.length === 0;
    case 'eq':
      return values.includes(expected);
    case 'ne':
      return !values.includes(expected);
    case 'co':
      return values.some((v) => v.includes(expected));
    case 'nc':
      return !values.some((v) => v.includes(expected));
    case 'sw':
      return values.some((v) => v.startsWith(expected));
    case 'ew':
      return values.some((v) => v.endsWith(expected));
    case 'glob': {
      const glob = compileGlob(expected, TAG_GLOB);
      return values.some((v) => glob.test(v));
    }
    default:
      return false;
  }
}

export function matchFilter(filter: IssueFilter, facts: FilterFacts): boolean {
  switch (filter.id) {
    case FILTER.level: {
      const have = levelNumber(facts.event.level);
      const want = Number(filter.level);
      return filter.match === 'gte' ? have >= want : filter.match === 'lte' ? have <= want : have === want;
    }
    case FILTER.tagged: {
      const values = facts.event.tags.filter(([k]) => k === filter.key).map(([, v]) => v);
      return matchTag(values, filter.match, filter.value);
    }
    case FILTER.age: {
      const age = facts.now - facts.issue.firstSeen;
      const limit = filter.value * AGE_UNITS[filter.time];
      return filter.comparison_type === 'older' ? age > limit : age < limit;
    }
    case FILTER.latestRelease:
      return facts.latestRelease !== null && facts.event.release === facts.latestRelease;
    case FILTER.firstSeenInLatestRelease:
      return facts.latestRelease !== null && facts.issue.firstRelease === facts.latestRelease;
    case FILTER.issueCategory:
      return String(issueCategoryOf(facts.issue.type)) === filter.value;
  }
}

/** all: every filter passes; any: at least one; none: not one. No filters pass. */
export function matchFilters(filters: readonly IssueFilter[], mode: MatchMode, facts: FilterFacts): boolean {
  if (filters.length === 0) return true;
  if (mode === 'any') return filters.some((f) => matchFilter(f, facts));
  if (mode === 'none') return !filters.some((f) => matchFilter(f, facts));
  return filters.every((f) => matchFilter(f, facts));
}

export function needsLatestRelease(filters: readonly IssueFilter[]): boolean {
  return filters.some((f) => f.id === FILTER.latestRelease || f.id === FILTER.firstSeenInLatestRelease);
}
