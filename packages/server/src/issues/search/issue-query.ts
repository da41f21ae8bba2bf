// The typed AST of an issue search. The issues API compiles it into SQL, so every filter says
// exactly which column family it touches and carries its values already validated and
// normalized (levels canonical, times as absolute integer-ms bounds, globs pre-split).
// Filters are ANDed; `negated` inverts one filter. Spans are UTF-16 offsets into the query
// text, used for 400 messages and for highlighting or removing a chip in the UI.

export interface Span {
  readonly position: number;
  readonly length: number;
}

export const ISSUE_STATUSES = ['unresolved', 'resolved', 'ignored'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** `is:` values that are not a status. See docs/search.md for each one's meaning. */
export const ISSUE_FLAGS = ['assigned', 'unassigned', 'regressed', 'for_review'] as const;
export type IssueFlag = (typeof ISSUE_FLAGS)[number];

/** Sentry's inbox ("For Review") keeps a new or regressed issue for 7 days unless reviewed. */
export const FOR_REVIEW_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** The five event levels, in the order Relay ranks them (most severe first). */
export const ISSUE_LEVELS = ['fatal', 'error', 'warning', 'info', 'debug'] as const;
export type IssueLevel = (typeof ISSUE_LEVELS)[number];

export type ComparisonOp = '=' | '>' | '>=' | '<' | '<=';

/**
 * A string to compare with. `exact` is the literal value. `glob` came from a value with `*`:
 * the parts are literal text that must appear in order, with any run of characters between
 * consecutive parts (`Safari 11*` → ['Safari 11', '']), which maps onto SQL LIKE after
 * escaping `%`, `_` and the escape character in each part.
 */
export type StringMatch = { readonly type: 'exact'; readonly value: string } | { readonly type: 'glob'; readonly parts: readonly string[] };

/** `release:latest` / `firstRelease:latest`: the project's most recent release. */
export type ReleaseMatch = StringMatch | { readonly type: 'latest' };

export type Assignee =
  | { readonly type: 'me' }
  | { readonly type: 'none' }
  | { readonly type: 'my_teams' }
  | { readonly type: 'team'; readonly slug: string }
  /** An email address, username or user id as typed. */
  | { readonly type: 'user'; readonly value: string };

export type RelativeUnit = 's' | 'm' | 'h' | 'd' | 'w';

export type TimeValue =
  /** `-24h` = within the last 24 h; `+7d` = longer ago than 7 days (Unix `find` style). */
  | { readonly type: 'relative'; readonly sign: '-' | '+'; readonly amount: number; readonly unit: RelativeUnit }
  /** `dateOnly` values stand for the whole UTC day starting at `ms`. */
  | { readonly type: 'absolute'; readonly op: ComparisonOp; readonly ms: number; readonly dateOnly: boolean };

/** Half-open range `from <= t < to` in integer ms; null means unbounded on that side. */
export interface TimeRange {
  readonly from: number | null;
  readonly to: number | null;
}

interface FilterBase {
  readonly negated: boolean;
  /** The whole term, from `!` (if any) to the end of its value. */
  readonly span: Span;
}

export type IssueFilter =
  | (FilterBase & { readonly kind: 'status'; readonly status: IssueStatus })
  | (FilterBase & { readonly kind: 'flag'; readonly flag: IssueFlag })
  | (FilterBase & { readonly kind: 'assigned'; readonly key: 'assigned' | 'assigned_or_suggested'; readonly assignees: readonly Assignee[] })
  | (FilterBase & { readonly kind: 'level'; readonly levels: readonly IssueLevel[] })
  /** `issue.category:` — error or performance (a performance issue's group is a transaction). */
  | (FilterBase & { readonly kind: 'category'; readonly categories: readonly IssueCategoryName[] })
  /** `issue.type:` — `error`, `monitor_check_in_failure` (crons), or a performance detector's type name. */
  | (FilterBase & { readonly kind: 'issueType'; readonly types: readonly string[] })
  | (FilterBase & { readonly kind: 'environment'; readonly values: readonly StringMatch[] })
  | (FilterBase & { readonly kind: 'release'; readonly field: 'release' | 'firstRelease'; readonly values: readonly ReleaseMatch[] })
  | (FilterBase & { readonly kind: 'user'; readonly field: 'id' | 'email' | 'username' | 'ip'; readonly values: readonly StringMatch[] })
  /** `message:`/`title:`/`culprit:` — case-insensitive; without `*` a substring match. */
  | (FilterBase & { readonly kind: 'text'; readonly field: 'message' | 'title' | 'culprit'; readonly values: readonly StringMatch[] })
  | (FilterBase & {
      readonly kind: 'time';
      /** As typed (`age` is `firstSeen` under Sentry's older name); kept so the query formats back. */
      readonly key: 'firstSeen' | 'lastSeen' | 'age';
      readonly field: 'firstSeen' | 'lastSeen';
      readonly value: TimeValue;
      readonly range: TimeRange;
    })
  | (FilterBase & { readonly kind: 'count'; readonly field: 'timesSeen' | 'userCount'; readonly op: ComparisonOp; readonly value: number })
  | (FilterBase & { readonly kind: 'issueId'; readonly ids: readonly number[] })
  /** Short ids (`BACKEND-1A`), upper-cased: Sentry matches them case-insensitively. */
  | (FilterBase & { readonly kind: 'shortId'; readonly shortIds: readonly string[] })
  /** Any other `key:value`, or `tags[key]:value` for a tag named like a built-in key. */
  | (FilterBase & { readonly kind: 'tag'; readonly key: string; readonly values: readonly StringMatch[] })
  | (FilterBase & { readonly kind: 'has'; readonly key: string });

export type IssueFilterKind = IssueFilter['kind'];

export const ISSUE_CATEGORY_NAMES = ['error', 'performance', 'cron', 'feedback'] as const;
export type IssueCategoryName = (typeof ISSUE_CATEGORY_NAMES)[number];

export interface IssueQuery {
  readonly filters: readonly IssueFilter[];
  /** Free-text terms; each must occur (case-insensitively) in the title, culprit or message. */
  readonly text: readonly string[];
}

export interface QueryError {
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

export type ParseIssueQueryResult = { readonly ok: true; readonly query: IssueQuery } | { readonly ok: false; readonly error: QueryError };

/** What the Sentry UI pre-fills; the parser itself turns an empty query into no filters. */
export const DEFAULT_ISSUE_QUERY = 'is:unresolved';

/** Longer queries are refused (400) before tokenizing. */
export const MAX_QUERY_LENGTH = 10_000;
