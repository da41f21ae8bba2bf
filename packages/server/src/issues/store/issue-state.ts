import type { Selectable, Updateable } from 'kysely';
import type { IssueTable } from '../../store/index.js';

/** An issue's lifecycle columns in camelCase (the issues module calls them LifecycleFields). */
export interface IssueLifecycleColumns {
  status: string;
  substatus: string | null;
  resolution: string | null;
  resolvedInRelease: string | null;
  resolvedAt: number | null;
  ignoreUntil: number | null;
  ignoreCount: number | null;
  ignoreWindowMs: number | null;
  ignoreUserCount: number | null;
  ignoreUserWindowMs: number | null;
  ignoreBaselineTimesSeen: number | null;
  ignoreBaselineUsers: number | null;
  regressedAt: number | null;
  regressedInRelease: string | null;
}

/** What the pipeline needs to know about an existing issue to add events to it. */
export interface IssueState extends IssueLifecycleColumns {
  id: number;
  projectId: number;
  mergedIntoId: number | null;
  timesSeen: number;
  userCount: number;
  lastSeen: number;
}

const lifecycleColumns: Record<keyof IssueLifecycleColumns, keyof IssueTable> = {
  status: 'status',
  substatus: 'substatus',
  resolution: 'resolution',
  resolvedInRelease: 'resolved_in_release',
  resolvedAt: 'resolved_at',
  ignoreUntil: 'ignore_until',
  ignoreCount: 'ignore_count',
  ignoreWindowMs: 'ignore_window_ms',
  ignoreUserCount: 'ignore_user_count',
  ignoreUserWindowMs: 'ignore_user_window_ms',
  ignoreBaselineTimesSeen: 'ignore_baseline_times_seen',
  ignoreBaselineUsers: 'ignore_baseline_users',
  regressedAt: 'regressed_at',
  regressedInRelease: 'regressed_in_release',
};

/** Maps a camelCase lifecycle patch to issue columns (the issues API writes the same fields). */
export function lifecycleColumnValues(patch: Partial<IssueLifecycleColumns>): Updateable<IssueTable> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const column = lifecycleColumns[key as keyof IssueLifecycleColumns];
    if (column !== undefined && value !== undefined) out[column] = value;
  }
  return out as Updateable<IssueTable>;
}

export const stateColumns = [
  'issues.id',
  'issues.project_id',
  'issues.merged_into_id',
  'issues.times_seen',
  'issues.user_count',
  'issues.last_seen',
  'issues.status',
  'issues.substatus',
  'issues.resolution',
  'issues.resolved_in_release',
  'issues.resolved_at',
  'issues.ignore_until',
  'issues.ignore_count',
  'issues.ignore_window_ms',
  'issues.ignore_user_count',
  'issues.ignore_user_window_ms',
  'issues.ignore_baseline_times_seen',
  'issues.ignore_baseline_users',
  'issues.regressed_at',
  'issues.regressed_in_release',
] as const;

type StateRow = Pick<Selectable<IssueTable>, (typeof stateColumns)[number] extends `issues.${infer C}` ? C & keyof IssueTable : never>;

export function toState(r: StateRow): IssueState {
  return {
    id: r.id,
    projectId: r.project_id,
    mergedIntoId: r.merged_into_id,
    timesSeen: r.times_seen,
    userCount: r.user_count,
    lastSeen: r.last_seen,
    status: r.status,
    substatus: r.substatus,
    resolution: r.resolution,
    resolvedInRelease: r.resolved_in_release,
    resolvedAt: r.resolved_at,
    ignoreUntil: r.ignore_until,
    ignoreCount: r.ignore_count,
    ignoreWindowMs: r.ignore_window_ms,
    ignoreUserCount: r.ignore_user_count,
    ignoreUserWindowMs: r.ignore_user_window_ms,
    ignoreBaselineTimesSeen: r.ignore_baseline_times_seen,
    ignoreBaselineUsers: r.ignore_baseline_users,
    regressedAt: r.regressed_at,
    regressedInRelease: r.regressed_in_release,
  };
}
