// What people set on an issue through the API (Sentry's GroupValidator: status, statusDetails,
// the legacy snoozeDuration), parsed into one StatusChange, and the lifecycle patch it makes for
// one issue. Uses the vocabulary of lifecycle.ts so the pipeline's automatic transitions
// (regressions, ignores that end) read exactly what this writes.
import { CLEARED_IGNORE, CLEARED_RESOLUTION, type LifecyclePatch } from './lifecycle.js';

const MINUTE_MS = 60_000;

export interface IgnoreCondition {
  /** `ignoreDuration` (minutes) or `ignoreUntil` resolved to an absolute time by `planStatusChange`. */
  readonly forMs: number | null;
  readonly untilMs: number | null;
  readonly count: { readonly n: number; readonly windowMs: number | null } | null;
  readonly users: { readonly n: number; readonly windowMs: number | null } | null;
  readonly untilEscalating: boolean;
}

export type StatusChange =
  | { readonly kind: 'unresolved' }
  | { readonly kind: 'resolved' }
  /** `release` null = the project's latest release (Sentry's `inRelease: "latest"`). */
  | { readonly kind: 'resolvedInRelease'; readonly release: string | null }
  | { readonly kind: 'resolvedInNextRelease' }
  | ({ readonly kind: 'ignored' } & IgnoreCondition);

export type StatusChangeParse = { readonly ok: true; readonly change: StatusChange | null } | { readonly ok: false; readonly reason: string };

const STATUS_WORDS = new Set(['resolved', 'resolvedInNextRelease', 'unresolved', 'ignored', 'muted']);

/** Reads `status`, `substatus`, `statusDetails` and the legacy top-level `snoozeDuration`/`ignoreDuration`. */
export function parseStatusChange(body: Readonly<Record<string, unknown>>): StatusChangeParse {
  const status = body.status;
  if (status === undefined || status === null) {
    return body.statusDetails === undefined ? { ok: true, change: null } : { ok: false, reason: 'statusDetails needs a status' };
  }
  if (typeof status !== 'string' || !STATUS_WORDS.has(status)) {
    return { ok: false, reason: `status must be one of: ${[...STATUS_WORDS].join(', ')}` };
  }
  const rawDetails = body.statusDetails ?? {};
  if (typeof rawDetails !== 'object' || rawDetails === null || Array.isArray(rawDetails)) return { ok: false, reason: 'statusDetails must be an object' };
  const d = rawDetails as Record<string, unknown>;
  if (d.inCommit !== undefined && d.inCommit !== null) return { ok: false, reason: 'resolving in a commit is not supported (there are no repositories)' };
  if (status === 'unresolved') return { ok: true, change: { kind: 'unresolved' } };
  if (status === 'resolvedInNextRelease' || (status === 'resolved' && d.inNextRelease === true)) return { ok: true, change: { kind: 'resolvedInNextRelease' } };
  if (status === 'resolved') {
    const inRelease = d.inRelease;
    if (inRelease === undefined || inRelease === null) return { ok: true, change: { kind: 'resolved' } };
    if (typeof inRelease !== 'string' || inRelease.trim() === '' || inRelease.length > 200) {
      return { ok: false, reason: 'statusDetails.inRelease must be a release version or "latest"' };
    }
    return { ok: true, change: { kind: 'resolvedInRelease', release: inRelease === 'latest' ? null : inRelease } };
  }
  return parseIgnore(body, d);
}

function parseIgnore(body: Readonly<Record<string, unknown>>, d: Record<string, unknown>): StatusChangeParse {
  const problems: string[] = [];
  const whole = (value: unknown, name: string): number | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      problems.push(`${name} must be a whole number ≥ 1`);
      return null;
    }
    return value;
  };
  const duration = whole(d.ignoreDuration ?? body.ignoreDuration ?? body.snoozeDuration, 'ignoreDuration (minutes)');
  let untilMs: number | null = null;
  if (d.ignoreUntil !== undefined && d.ignoreUntil !== null) {
    untilMs = typeof d.ignoreUntil === 'string' ? Date.parse(d.ignoreUntil) : Number.NaN;
    if (Number.isNaN(untilMs)) problems.push('statusDetails.ignoreUntil must be an ISO 8601 date');
  }
  const count = whole(d.ignoreCount, 'statusDetails.ignoreCount');
  const window = whole(d.ignoreWindow, 'statusDetails.ignoreWindow (minutes)');
  const userCount = whole(d.ignoreUserCount, 'statusDetails.ignoreUserCount');
  const userWindow = whole(d.ignoreUserWindow, 'statusDetails.ignoreUserWindow (minutes)');
  if (window !== null && count === null) problems.push('statusDetails.ignoreWindow needs ignoreCount');
  if (userWindow !== null && userCount === null) problems.push('statusDetails.ignoreUserWindow needs ignoreUserCount');
  const untilEscalating = d.ignoreUntilEscalating === true || body.substatus === 'archived_until_escalating';
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    change: {
      kind: 'ignored',
      forMs: duration === null ? null : duration * MINUTE_MS,
      untilMs,
      count: count === null ? null : { n: count, windowMs: window === null ? null : window * MINUTE_MS },
      users: userCount === null ? null : { n: userCount, windowMs: userWindow === null ? null : userWindow * MINUTE_MS },
      untilEscalating,
    },
  };
}

/** The facts about one issue a change depends on. */
export interface IssueFacts {
  readonly status: string;
  readonly timesSeen: number;
  readonly userCount: number;
  readonly lastRelease: string | null;
}

/** The activity a change leaves (issue_activity.type and its JSON data). */
export interface ActivityEntry {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type StatusPlan =
  | { readonly ok: true; readonly patch: LifecyclePatch; readonly activity: ActivityEntry }
  | { readonly ok: false; readonly reason: string };

/**
 * The patch one change makes to one issue at `now`. `latestRelease` is the project's newest
 * release; "next release" means "after the issue's last release" (lifecycle.regresses).
 */
export function planStatusChange(change: StatusChange, issue: IssueFacts, now: number, latestRelease: string | null): StatusPlan {
  switch (change.kind) {
    case 'unresolved':
      return {
        ok: true,
        patch: { ...CLEARED_IGNORE, ...CLEARED_RESOLUTION, status: 'unresolved', substatus: 'ongoing' },
        activity: { type: 'set_unresolved', data: {} },
      };
    case 'resolved':
      return { ok: true, patch: resolvedPatch('now', null, now), activity: { type: 'set_resolved', data: {} } };
    case 'resolvedInRelease': {
      const release = change.release ?? latestRelease;
      if (release === null) return { ok: false, reason: 'there is no release to resolve in: no event of this project had a release' };
      return { ok: true, patch: resolvedPatch('in_release', release, now), activity: { type: 'set_resolved_in_release', data: { version: release } } };
    }
    case 'resolvedInNextRelease': {
      const current = issue.lastRelease ?? latestRelease;
      if (current === null) return { ok: false, reason: "no release data to form a basis for 'next release': no event of this project had a release" };
      return {
        ok: true,
        patch: resolvedPatch('in_next_release', current, now),
        activity: { type: 'set_resolved_in_release', data: { inNextRelease: true, current_release_version: current } },
      };
    }
    case 'ignored':
      return ignorePlan(change, issue, now);
  }
}

function resolvedPatch(resolution: 'now' | 'in_release' | 'in_next_release', release: string | null, now: number): LifecyclePatch {
  return { ...CLEARED_IGNORE, status: 'resolved', substatus: null, resolution, resolvedInRelease: release, resolvedAt: now };
}

function ignorePlan(c: IgnoreCondition, issue: IssueFacts, now: number): StatusPlan {
  const until = c.untilMs ?? (c.forMs === null ? null : now + c.forMs);
  if (until !== null && until <= now) return { ok: false, reason: 'statusDetails.ignoreUntil is in the past' };
  const conditional = until !== null || c.count !== null || c.users !== null;
  const substatus = c.untilEscalating ? 'archived_until_escalating' : conditional ? 'archived_until_condition_met' : 'archived_forever';
  const patch: LifecyclePatch = {
    ...CLEARED_RESOLUTION,
    status: 'ignored',
    substatus,
    ignoreUntil: until,
    ignoreCount: c.count?.n ?? null,
    ignoreWindowMs: c.count?.windowMs ?? null,
    ignoreUserCount: c.users?.n ?? null,
    ignoreUserWindowMs: c.users?.windowMs ?? null,
    // Counts without a window are counted from here (lifecycle.ignoreEnded).
    ignoreBaselineTimesSeen: c.count === null ? null : issue.timesSeen,
    ignoreBaselineUsers: c.users === null ? null : issue.userCount,
  };
  const data: Record<string, unknown> = {};
  if (until !== null) data.ignoreUntil = new Date(until).toISOString();
  if (c.forMs !== null) data.ignoreDuration = c.forMs / MINUTE_MS;
  if (c.count) Object.assign(data, { ignoreCount: c.count.n, ignoreWindow: c.count.windowMs === null ? null : c.count.windowMs / MINUTE_MS });
  if (c.users) Object.assign(data, { ignoreUserCount: c.users.n, ignoreUserWindow: c.users.windowMs === null ? null : c.users.windowMs / MINUTE_MS });
  if (c.untilEscalating) data.ignoreUntilEscalating = true;
  return { ok: true, patch, activity: { type: 'set_ignored', data } };
}
