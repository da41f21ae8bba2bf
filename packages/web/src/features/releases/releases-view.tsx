import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Project, useResource } from '../../api/index.js';
import { CursorPager } from '../../ui/cursor-pager.js';
import { EmptyState, ErrorState } from '../../ui/states.js';
import { useHealthThresholds } from './health/use-health-thresholds.js';
import { ReleaseTable, ReleaseTableSkeleton } from './release-table.js';
import type { Release } from './release-types.js';

const PER_PAGE = 25;

/** A project's releases, newest first, with their health: search by version, pages by the server's cursors. State lives in the URL. */
export function ReleasesView({ org, project }: { org: string; project: Project }) {
  const [params, setParams] = useSearchParams();
  const query = params.get('query') ?? '';
  const environment = params.get('environment') ?? '';
  const cursor = params.get('cursor') ?? '';
  const [text, setText] = useState(query);
  const list = useResource<Release[]>(`organizations/${org}/releases/`, {
    project: project.id,
    query: query || undefined,
    environment: environment || undefined,
    cursor: cursor || undefined,
    per_page: PER_PAGE,
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

  const filtered = query !== '' || environment !== '';
  return (
    <div className="releases-view">
      <div className="page-header">
        <h1>Releases</h1>
        <span className="spacer" />
        <search>
          <form className="release-search" onSubmit={onSearch}>
            <label className="sr-only" htmlFor="release-search">
              Search releases by version
            </label>
            <input id="release-search" type="search" placeholder="Search by version" value={text} onChange={(e) => setText(e.target.value)} />
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
              <span>Try another version, or clear the search.</span>
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
