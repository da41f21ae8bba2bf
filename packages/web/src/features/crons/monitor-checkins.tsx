import { useState } from 'react';
import { Link } from 'react-router';
import { type CheckIn, useResource } from '../../api/index.js';
import { CursorPager } from '../../ui/cursor-pager.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { formatDuration } from '../performance/format.js';
import { checkInLabel } from './monitor-status.js';

const PER_PAGE = 25;

/**
 * The monitor's check-ins, newest first, paged with the API's cursors. `expand=groups` brings
 * the issues whose events share a check-in's trace, so a failed run links to its error.
 */
export function MonitorCheckIns({ org, slug, environment }: { org: string; slug: string; environment: string }) {
  const [cursor, setCursor] = useState('');
  const checkIns = useResource<CheckIn[]>(
    `organizations/${org}/monitors/${encodeURIComponent(slug)}/checkins/`,
    { per_page: PER_PAGE, cursor: cursor || undefined, environment: environment || undefined, expand: 'groups' },
    { pollMs: 60_000 },
  );
  if (checkIns.error) return <ErrorState error={checkIns.error} onRetry={checkIns.reload} title="Could not load the check-ins" />;
  if (!checkIns.data) return <Skeleton height={22} />;
  if (checkIns.data.length === 0 && !cursor) return <EmptyState title="No check-ins yet" />;
  // Only servers that answer `expand=groups` send them; without any, the column would stay empty.
  const withIssues = checkIns.data.some((c) => (c.groups ?? []).length > 0);
  return (
    <>
      <table className="table cron-checkins" aria-label="Check-ins">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Environment</th>
            <th scope="col">Started</th>
            <th scope="col">Expected</th>
            <th scope="col" className="num-col">
              Duration
            </th>
            {withIssues && <th scope="col">Issues</th>}
          </tr>
        </thead>
        <tbody>
          {checkIns.data.map((c) => (
            <tr key={c.id} data-checkin={c.id} data-status={c.status}>
              <td>
                <span className={`cron-status status-${c.status}`}>{checkInLabel(c.status)}</span>
              </td>
              <td>{c.environment}</td>
              <td>
                <RelativeTime value={c.dateCreated} label="Started" />
              </td>
              <td>
                <RelativeTime value={c.expectedTime} label="Expected" />
              </td>
              <td className="num-col">{formatDuration(c.duration)}</td>
              {withIssues && (
                <td>
                  {(c.groups ?? []).map((g) => (
                    <Link key={g.id} to={`/organizations/${org}/issues/${g.id}/`} className="cron-issue-link">
                      {g.shortId}
                    </Link>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <CursorPager label="Check-in pages" previousLabel="← Newer" nextLabel="Older →" links={checkIns.links} loading={checkIns.loading} onCursor={setCursor} />
    </>
  );
}
