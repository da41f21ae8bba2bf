import type { StatusDetails } from '../../api/index.js';

/** A change sent as the body of `PUT …/issues/?id=…` or `PUT /issues/{id}/` (Sentry's shapes). */
export type IssueChange =
  | { status: 'resolved' | 'resolvedInNextRelease' | 'unresolved' }
  | { status: 'ignored'; statusDetails: StatusDetails }
  | { assignedTo: string }
  | { merge: 1 };

export interface IgnoreOption {
  readonly label: string;
  readonly details: StatusDetails;
}

export const IGNORE_GROUPS: readonly { heading: string; options: readonly IgnoreOption[] }[] = [
  { heading: 'Ignore', options: [{ label: 'Forever', details: {} }] },
  {
    heading: 'For',
    options: [
      { label: '30 minutes', details: { ignoreDuration: 30 } },
      { label: '2 hours', details: { ignoreDuration: 120 } },
      { label: '24 hours', details: { ignoreDuration: 1440 } },
      { label: '1 week', details: { ignoreDuration: 10080 } },
    ],
  },
  {
    heading: 'Until it occurs again',
    options: [
      { label: '10 more times', details: { ignoreCount: 10 } },
      { label: '100 more times', details: { ignoreCount: 100 } },
      { label: '100 times in an hour', details: { ignoreCount: 100, ignoreWindow: 60 } },
      { label: '1,000 times in a day', details: { ignoreCount: 1000, ignoreWindow: 1440 } },
    ],
  },
  {
    heading: 'Until it affects',
    options: [
      { label: '10 more users', details: { ignoreUserCount: 10 } },
      { label: '100 more users', details: { ignoreUserCount: 100 } },
      { label: '100 users in a day', details: { ignoreUserCount: 100, ignoreUserWindow: 1440 } },
    ],
  },
];

/** Words for what a status change did, for the confirmation line. */
export function describeChange(change: IssueChange, n: number): string {
  const what = n === 1 ? 'issue' : `${n} issues`;
  if ('merge' in change) return `Merged ${what}`;
  if ('assignedTo' in change) return change.assignedTo ? `Assigned ${what}` : `Unassigned ${what}`;
  if (change.status === 'resolved') return `Resolved ${what}`;
  if (change.status === 'resolvedInNextRelease') return `Resolved ${what} in the next release`;
  if (change.status === 'ignored') return `Ignored ${what}`;
  return `Reopened ${what}`;
}
