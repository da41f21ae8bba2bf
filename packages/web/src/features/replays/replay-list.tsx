import { Link, useSearchParams } from 'react-router';
import { type Project, type Replay, type ReplayList, useResource } from '../../api/index.js';
import { CursorPager } from '../../ui/cursor-pager.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.js';
import { formatDuration, replayUserLabel } from './replay-words.js';

const PER_PAGE = 25;
/** How far back the list looks: the replays' retention. */
const PERIOD = '90d';

export const REPLAY_SORTS: readonly { value: string; label: string }[] = [
  { value: '-started_at', label: 'Newest first' },
  { value: 'started_at', label: 'Oldest first' },
  { value: '-duration', label: 'Longest first' },
  { value: '-count_errors', label: 'Most errors first' },
];

/** Rows of replays: who, where, how long, how many errors, when; each opens the replay page; those the caller has not opened yet stand out. */
export function ReplayTable({ org, replays }: { org: string; replays: readonly Replay[] }) {
  return (
    <table className="table replay-table">
      <thead>
        <tr>
          <th scope="col">Replay</th>
          <th scope="col">Duration</th>
          <th scope="col">Errors</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {replays.map((r) => (
          <tr key={r.id} data-replay={r.id} data-viewed={r.has_viewed ? 'true' : 'false'}>
            <td>
              <Link className={r.has_viewed ? 'replay-link' : 'replay-link replay-unviewed'} to={`/organizations/${org}/replays/${r.id}/`}>
                {replayUserLabel(r)}
              </Link>
              {!r.has_viewed && <span className="sr-only"> (not viewed yet)</span>}
              <span className="replay-row-url mono">{r.urls?.[0] ?? ''}</span>
            </td>
            <td data-cell="duration">{formatDuration(r.duration)}</td>
            <td data-cell="errors" className={(r.count_errors ?? 0) > 0 ? 'replay-errors' : undefined}>
              {r.count_errors ?? 0}
            </td>
            <td data-cell="started">
              <RelativeTime value={r.started_at} label="Started" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The Replays page: a project's session replays, newest first by default, sorted and searched
 * on the server (`sort`, `query` with Sentry's replay search: `count_errors:>0`, `url:*checkout*`…).
 */
export function ReplayListView({ org, project }: { org: string; project: Project }) {
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? '';
  const query = params.get('query') ?? '';
  const sort = params.get('sort') ?? '-started_at';
  const replays = useResource<ReplayList>(`organizations/${org}/replays/`, {
    project: project.id,
    statsPeriod: PERIOD,
    per_page: PER_PAGE,
    sort,
    query: query || undefined,
    cursor: cursor || undefined,
  });
  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const rows = replays.data?.data;
  return (
    <div className="replays-view">
      <div className="page-header">
        <h1>Replays</h1>
        <span className="spacer" />
        <label className="filter">
          <span className="filter-label">Sort</span>
          <select value={sort} onChange={(e) => go({ sort: e.target.value, cursor: '' })} aria-label="Sort replays">
            {REPLAY_SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <form
          className="replay-search"
          aria-label="Search replays"
          onSubmit={(e) => {
            e.preventDefault();
            go({ query: String(new FormData(e.currentTarget).get('query') ?? ''), cursor: '' });
          }}
        >
          <input type="search" name="query" defaultValue={query} placeholder="count_errors:>0 url:*checkout* user.email:…" aria-label="Search replays" />
        </form>
      </div>
      {replays.error && <ErrorState error={replays.error} onRetry={replays.reload} title="Could not load the replays" />}
      {!rows && !replays.error && (
        <section className="card card-body" aria-busy="true" aria-label="Loading replays">
          <Skeleton height={22} />
          <Skeleton height={22} />
        </section>
      )}
      {rows?.length === 0 && (
        <div className="card">
          <EmptyState title={query ? 'No replays match this search' : `No replays in ${project.slug} yet`}>
            {!query && (
              <span>
                Add <code>Sentry.replayIntegration()</code> to <code>Sentry.init</code> in the browser, with <code>replaysOnErrorSampleRate</code> or{' '}
                <code>replaysSessionSampleRate</code> above 0.
              </span>
            )}
          </EmptyState>
        </div>
      )}
      {rows && rows.length > 0 && (
        <section className="card replay-list" aria-label="Replays">
          <ReplayTable org={org} replays={rows} />
        </section>
      )}
      <CursorPager links={replays.links} loading={replays.loading} onCursor={(cursor) => go({ cursor: cursor })} />
    </div>
  );
}
