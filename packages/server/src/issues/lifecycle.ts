// The status vocabulary of an issue and the rules of its automatic transitions, shared by the
// processing pipeline (regressions, ignores that end) and the issues API (what people set).
// Follows Sentry's GroupStatus/GroupSubStatus/GroupResolution/GroupSnooze semantics.
import type { IssueLifecycleColumns } from './store/issue-state.js';

export const ISSUE_STATUSES = ['unresolved', 'resolved', 'ignored'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/**
 * Unresolved issues are `new`, `ongoing`, `regressed` or `escalating`; ignored ones say how
 * long (`archived_*`, Sentry's names for "ignored"). Resolved issues have no substatus.
 */
export const ISSUE_SUBSTATUSES = [
  'new',
  'ongoing',
  'regressed',
  'escalating',
  'archived_forever',
  'archived_until_escalating',
  'archived_until_condition_met',
] as const;
export type IssueSubstatus = (typeof ISSUE_SUBSTATUSES)[number];

/** `now`: any later event regresses; `in_release`/`in_next_release`: see `regresses`. */
export const RESOLUTIONS = ['now', 'in_next_release', 'in_release'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Sentry moves new and regressed issues to ongoing after 7 days (auto_transition_issues_*). */
export const ONGOING_AFTER_MS = 7 * 24 * 3_600_000;

export const isIssueStatus = (v: unknown): v is IssueStatus => typeof v === 'string' && (ISSUE_STATUSES as readonly string[]).includes(v);
export const isIssueSubstatus = (v: unknown): v is IssueSubstatus => typeof v === 'string' && (ISSUE_SUBSTATUSES as readonly string[]).includes(v);
export const isResolution = (v: unknown): v is Resolution => typeof v === 'string' && (RESOLUTIONS as readonly string[]).includes(v);

/** The lifecycle columns of an issue (camelCase of `issues`), as both writers see them. */
export type LifecycleFields = IssueLifecycleColumns;

export type LifecyclePatch = Partial<LifecycleFields>;

/** Every ignore condition cleared: what leaving `ignored`, by hand or automatically, writes. */
export const CLEARED_IGNORE: LifecyclePatch = Object.freeze({
  ignoreUntil: null,
  ignoreCount: null,
  ignoreWindowMs: null,
  ignoreUserCount: null,
  ignoreUserWindowMs: null,
  ignoreBaselineTimesSeen: null,
  ignoreBaselineUsers: null,
});

/** What leaving `resolved` clears. `resolvedAt` stays: it records when the issue was last resolved. */
export const CLEARED_RESOLUTION: LifecyclePatch = Object.freeze({ resolution: null, resolvedInRelease: null });

/** The event facts the rules look at. Times are server receive times (ms). */
export interface ArrivingEvent {
  readonly receivedAt: number;
  readonly release: string | null;
}

/**
 * Whether an issue resolved `in_release` / `in_next_release` (against `resolvedIn`) stays
 * resolved when an event from `eventRelease` arrives. The pipeline builds it over the
 * organization's release order (releases/ staysResolved: Sentry's GroupResolution.has_resolution).
 */
export type ReleaseResolutionCheck = (resolution: 'in_release' | 'in_next_release', resolvedIn: string | null, eventRelease: string) => boolean;

/** Without release order: any release other than the one resolved against counts as newer. */
const anyOtherRelease: ReleaseResolutionCheck = (_resolution, resolvedIn, eventRelease) => eventRelease === resolvedIn;

/**
 * Does this event regress a resolved issue?
 * - `now` (or no resolution recorded): any event received after `resolvedAt`;
 * - `in_release` X / `in_next_release` (X = the project's current release when it was
 *   resolved): an event from a release newer than X (in_next_release) or X or newer
 *   (in_release), as `staysResolved` decides. An event without a release is taken as older,
 *   as Sentry's GroupResolution.has_resolution does, and leaves the issue resolved.
 */
export function regresses(
  issue: Pick<LifecycleFields, 'status' | 'resolution' | 'resolvedInRelease' | 'resolvedAt'>,
  event: ArrivingEvent,
  staysResolved: ReleaseResolutionCheck = anyOtherRelease,
): boolean {
  if (issue.status !== 'resolved') return false;
  if (issue.resolution === 'in_release' || issue.resolution === 'in_next_release') {
    if (event.release === null) return false;
    return !staysResolved(issue.resolution, issue.resolvedInRelease, event.release);
  }
  return issue.resolvedAt === null || event.receivedAt > issue.resolvedAt;
}

/** The regression transition: unresolved/regressed, resolution cleared. */
export function regressionPatch(event: ArrivingEvent): LifecyclePatch {
  return {
    ...CLEARED_RESOLUTION,
    status: 'unresolved',
    substatus: 'regressed',
    regressedAt: event.receivedAt,
    regressedInRelease: event.release,
  };
}

/** Why an ignored issue came back; `until` = the time passed, `count`/`user_count` = enough events/users. */
export type IgnoreEnd = 'until' | 'count' | 'user_count';

/** Where an ignored issue stands; the window counts are needed only when `ignoreWindows` says so. */
export interface IgnoreProgress {
  /** server time of the event being looked at */
  readonly at: number;
  readonly timesSeen: number;
  readonly userCount: number;
  /** events within the last `ignoreWindowMs` */
  readonly eventsInWindow?: number;
  /** distinct users seen within the last `ignoreUserWindowMs` */
  readonly usersInWindow?: number;
}

type IgnoreState = Pick<
  LifecycleFields,
  'status' | 'ignoreUntil' | 'ignoreCount' | 'ignoreWindowMs' | 'ignoreUserCount' | 'ignoreUserWindowMs' | 'ignoreBaselineTimesSeen' | 'ignoreBaselineUsers'
>;

/** Which window counts `ignoreEnded` needs for this issue (each costs the pipeline a query). */
export function ignoreWindows(issue: IgnoreState): { events: boolean; users: boolean } {
  const ignored = issue.status === 'ignored';
  return {
    events: ignored && issue.ignoreCount !== null && issue.ignoreWindowMs !== null,
    users: ignored && issue.ignoreUserCount !== null && issue.ignoreUserWindowMs !== null,
  };
}

/**
 * Has an ignore condition been met (Sentry's GroupSnooze.is_valid turned false)? "Until N
 * events" counts from the baseline taken when the issue was ignored, or — with a window —
 * N events within the window; users alike. A forever/until-escalating ignore never ends here.
 */
export function ignoreEnded(issue: IgnoreState, progress: IgnoreProgress): IgnoreEnd | null {
  if (issue.status !== 'ignored') return null;
  if (issue.ignoreUntil !== null && progress.at >= issue.ignoreUntil) return 'until';
  if (issue.ignoreCount !== null) {
    const seen = issue.ignoreWindowMs !== null ? (progress.eventsInWindow ?? 0) : progress.timesSeen - (issue.ignoreBaselineTimesSeen ?? 0);
    if (seen >= issue.ignoreCount) return 'count';
  }
  if (issue.ignoreUserCount !== null) {
    const users = issue.ignoreUserWindowMs !== null ? (progress.usersInWindow ?? 0) : progress.userCount - (issue.ignoreBaselineUsers ?? 0);
    if (users >= issue.ignoreUserCount) return 'user_count';
  }
  return null;
}

/** An ignore that ended: back to unresolved as `escalating` (Sentry's snooze → ESCALATING). */
export function unignorePatch(): LifecyclePatch {
  return { ...CLEARED_IGNORE, status: 'unresolved', substatus: 'escalating' };
}

/**
 * An ignore whose time passed with no event to end it, ended by the periodic sweep: back to
 * unresolved as `ongoing` (Sentry's clear_expired_snoozes; an event that ends it is `escalating`).
 */
export function expiredIgnorePatch(): LifecyclePatch {
  return { ...CLEARED_IGNORE, status: 'unresolved', substatus: 'ongoing' };
}

/**
 * The substatus to show: stored `new`/`regressed` count as `ongoing` once 7 days have passed
 * since the issue was first seen / regressed, computed at read time so nothing has to rewrite rows.
 */
export function effectiveSubstatus(
  issue: Pick<LifecycleFields, 'status' | 'substatus' | 'regressedAt'> & { readonly firstSeen: number },
  now: number,
): string | null {
  if (issue.status !== 'unresolved') return issue.substatus;
  if (issue.substatus === 'new' && now - issue.firstSeen >= ONGOING_AFTER_MS) return 'ongoing';
  if (issue.substatus === 'regressed' && issue.regressedAt !== null && now - issue.regressedAt >= ONGOING_AFTER_MS) return 'ongoing';
  return issue.substatus;
}
