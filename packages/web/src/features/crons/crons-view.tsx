import { useSearchParams } from 'react-router';
import { type Monitor, type Project, useResource } from '../../api/index.js';
import { CursorPager } from '../../ui/cursor-pager.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { MonitorRow } from './monitor-row.js';

const PER_PAGE = 25;

/**
 * The Crons page: a project's monitors, failing first (the API's default `sort=status`), each
 * with its schedule in words, its next expected run and a timeline of recent check-ins per
 * environment. Refreshes every minute, the granularity of missed-run detection.
 */
export function CronsView({ org, project }: { org: string; project: Project }) {
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? '';
  const query = params.get('query') ?? '';
  const monitors = useResource<Monitor[]>(
    `organizations/${org}/monitors/`,
    { project: project.id, per_page: PER_PAGE, cursor: cursor || undefined, query: query || undefined },
    { pollMs: 60_000 },
  );
  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  return (
    <div className="crons-view">
      <div className="page-header">
        <h1>Crons</h1>
        <span className="spacer" />
        <form
          className="cron-search"
          aria-label="Search monitors"
          onSubmit={(e) => {
            e.preventDefault();
            go({ query: String(new FormData(e.currentTarget).get('query') ?? ''), cursor: '' });
          }}
        >
          <input type="search" name="query" defaultValue={query} placeholder="Search monitors by name or slug" aria-label="Search monitors" />
        </form>
      </div>
      {monitors.error && <ErrorState error={monitors.error} onRetry={monitors.reload} title="Could not load the monitors" />}
      {!monitors.data && !monitors.error && (
        <section className="card card-body" aria-busy="true" aria-label="Loading monitors">
          <Skeleton height={22} />
          <Skeleton height={22} />
        </section>
      )}
      {monitors.data?.length === 0 && (
        <div className="card">
          <EmptyState title={query ? 'No monitors match this search' : `No monitors in ${project.slug} yet`}>
            {!query && (
              <span>
                Wrap a job in <code>Sentry.withMonitor('nightly-report', job, {'{ schedule: … }'})</code> or run it with{' '}
                <code>sentry-cli monitors run nightly-report -s "0 2 * * *" -- ./job.sh</code>: the first check-in creates the monitor.
              </span>
            )}
          </EmptyState>
        </div>
      )}
      {monitors.data && monitors.data.length > 0 && (
        <section className="card cron-list" aria-label="Monitors">
          <table className="table cron-table">
            <thead>
              <tr>
                <th scope="col">Monitor</th>
                <th scope="col">Schedule</th>
                <th scope="col">Next expected run</th>
                <th scope="col">Environments and recent check-ins</th>
              </tr>
            </thead>
            <tbody>
              {monitors.data.map((m) => (
                <MonitorRow key={m.id} org={org} monitor={m} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      <CursorPager links={monitors.links} loading={monitors.loading} onCursor={(cursor) => go({ cursor: cursor })} />
    </div>
  );
}
