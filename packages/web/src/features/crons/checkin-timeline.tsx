import { type CheckIn, useResource } from '../../api/index.js';
import { formatExact } from '../../ui/relative-time.js';
import { Skeleton } from '../../ui/states.js';
import { formatDuration } from '../performance/format.js';
import { checkInLabel } from './monitor-status.js';

export const TIMELINE_LENGTH = 30;

/**
 * The last check-ins of one monitor environment as coloured ticks, oldest first, so the newest
 * sits at the right edge (as Sentry's Crons timeline reads). Each tick names its status, time
 * and duration on hover.
 */
export function CheckInTicks({ checkIns, environment }: { checkIns: readonly CheckIn[]; environment: string }) {
  const counts = new Map<string, number>();
  for (const c of checkIns) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${checkInLabel(s)}`).join(', ');
  const ordered = [...checkIns].sort((a, b) => Date.parse(a.dateCreated) - Date.parse(b.dateCreated));
  return (
    <ol className="checkin-ticks" aria-label={`Last ${checkIns.length} check-ins in ${environment}${summary ? `: ${summary}` : ''}`}>
      {ordered.map((c) => (
        <li
          key={c.id}
          className={`checkin-tick status-${c.status}`}
          data-status={c.status}
          title={`${checkInLabel(c.status)}${c.duration !== null ? ` · ${formatDuration(c.duration)}` : ''} · ${formatExact(new Date(c.dateCreated))}`}
        />
      ))}
    </ol>
  );
}

/** Loads the environment's recent check-ins (newest first from the API) and draws them. */
export function CheckInTimeline({ org, slug, environment }: { org: string; slug: string; environment: string }) {
  const checkIns = useResource<CheckIn[]>(
    `organizations/${org}/monitors/${encodeURIComponent(slug)}/checkins/`,
    { environment, per_page: TIMELINE_LENGTH },
    { pollMs: 60_000 },
  );
  if (checkIns.error) return <span className="muted">Could not load the check-ins: {checkIns.error.detail}</span>;
  if (!checkIns.data) return <Skeleton width={TIMELINE_LENGTH * 10} height={14} />;
  if (checkIns.data.length === 0) return <span className="muted">No check-ins yet</span>;
  // The newest ones, also from a server that pages with a larger default.
  return <CheckInTicks checkIns={checkIns.data.slice(0, TIMELINE_LENGTH)} environment={environment} />;
}
