import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Project, useResource } from '../../api/index.js';
import { CursorPager } from '../../ui/cursor-pager.js';
import { EmptyState, ErrorState } from '../../ui/states.js';
import { useHealthThresholds } from './health/use-health-thresholds.js';
import { ReleaseTable, ReleaseTableSkeleton } from './release-table.js';
import type { Release } from './release-types.js';

const PER_PAGE = 25;

/**
 * Sentry's release list orders (docs/releases.md › Sorting and filtering the release list). The
 * health sorts rank one row per (release, project) — flatten=1 — and only releases with
 * sessions in the window; crash-free rates put the worst release first.
 */
export const RELEASE_SORTS = [
  { value: 'date', label: 'Date created' },
  { value: 'semver', label: 'Semantic version' },
  { value: 'build', label: 'Build number' },
  { value: 'crash_free_users', label: 'Crash-free users (worst first)' },
  { value: 'crash_free_sessions', label: 'Crash-free sessions (worst first)' },
  { value: 'users_24h', label: 'Active users (24 h)' },
  { value: 'sessions_24h', label: 'Sessions (24 h)' },
  { value: 'adoption', label: 'Adoption' },
] as const;
const HEALTH_SORTS: ReadonlySet<string> = new Set(['crash_free_users', 'crash_free_sessions', 'users_24h', 'sessions_24h', 'adoption']);

/**
 * A project's releases with their health, newest first or in another of Sentry's orders: search
 * by version or with the release search (`release.version:>=2.0`), pages by the server's
 * cursors. State lives in the URL.
 */
export function ReleasesView({ org, project }: { org: string; project: Project }) {
  const [params, setParams] = useSearchParams();
  const query = params.get('query') ?? '';
  const environment = params.get('environment') ?? '';
  const cursor = params.get('cursor') ?? '';
  const sort = RELEASE_SORTS.some((o) => o.value === params.get('sort')) ? (params.get('sort') as string) : 'date';
  const [text, setText] = useState(query);
  const list = useResource<Release[]>(`organizations/${org}/releases/`, {
    project: project.id,
    query: query || undefined,
    environment: environment || undefined,
    cursor: cursor || undefined,
    per_page: PER_PAGE,
    sort: sort === 'date' ? undefined : sort,
    flatten: HEALTH_SORTS.has(sort) ? 1 : undefined,
    // Sentry's release list asks for health the same way: rates over 14 days, adoption over 24 hours.
    health: 1,
  });
  const thresholds = useHealthThresholds(org, project.slug);

  function update(patch: Record<string, string>) {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      // A new filter starts again on the first page.
      if (!('cursor' in patch)) next.delete('cursor');
      return next;
    });
  }

  function onSearch(e: FormEvent) {
    e.preventDefault();
    update({ query: text.trim() });
  }

  const filtered = query !== '' || environment !== '' || sort !== 'date';
  return (
    <div className="releases-view">
      <div className="page-header">
        <h1>Releases</h1>
        <span className="spacer" />
        <label className="release-sort">
          <span>Sort by</span>{' '}
          <select value={sort} onChange={(e) => update({ sort: e.target.value === 'date' ? '' : e.target.value })}>
            {RELEASE_SORTS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <search>
          <form className="release-search" onSubmit={onSearch}>
            <label className="sr-only" htmlFor="release-search">
              Search releases by version
            </label>
            <input
              id="release-search"
              type="search"
              placeholder="Search by version"
              title="Part of a version, or the release search: release.version:>=2.0, release.package:shop, release.stage:adopted"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="btn">
              Search
            </button>
          </form>
        </search>
      </div>
      {environment && (
        <p className="release-filters">
          <span className="filter-label">Environment</span> <span className="badge badge-env">{environment}</span>{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => update({ environment: '' })} aria-label="Clear the environment filter">
            ×
          </button>
        </p>
      )}
      {list.error && <ErrorState error={list.error} onRetry={list.reload} title="Could not load the releases" />}
      {!list.data && !list.error && <ReleaseTableSkeleton />}
      {list.data?.length === 0 &&
        (filtered ? (
          <div className="card">
            <EmptyState title="No releases match">
              <span>
                {HEALTH_SORTS.has(sort)
                  ? 'This order lists only releases with sessions in its window (14 days, or the last 24 hours). Sort by date to see them all.'
                  : 'Try another version, or clear the search.'}
              </span>
            </EmptyState>
          </div>
        ) : (
          <div className="card">
            <EmptyState title={`No releases in ${project.slug} yet`}>
              <span>
                Set <code>release</code> in <code>Sentry.init</code>, or create one with <code>sentry-cli releases new VERSION</code>.
              </span>
            </EmptyState>
          </div>
        ))}
      {list.data && list.data.length > 0 && (
        <section className="card release-list" aria-label="Releases">
          <ReleaseTable org={org} releases={list.data} health={{ projectId: project.id, thresholds }} />
        </section>
      )}
      <CursorPager links={list.links} loading={list.loading} onCursor={(cursor) => update({ cursor: cursor })} />
    </div>
  );
}
