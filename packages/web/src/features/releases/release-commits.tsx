import { useResource } from '../../api/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { ErrorState, Skeleton } from '../../ui/states.js';
import type { Commit } from './release-types.js';

const SHORT_SHA = 12;

/** The commits of the release, newest first: first line of the message, author, short SHA. */
export function ReleaseCommits({ path }: { path: string }) {
  const commits = useResource<Commit[]>(`${path}commits/`, { per_page: 100 });
  return (
    <section className="card release-section" aria-labelledby="commits-title">
      <h2 id="commits-title">Commits</h2>
      {commits.error && <ErrorState error={commits.error} onRetry={commits.reload} title="Could not load the commits" />}
      {!commits.data && !commits.error && <Skeleton height={40} />}
      {commits.data?.length === 0 && (
        <p className="muted">
          No commits recorded. Add them with <code>sentry-cli releases set-commits VERSION --auto</code>.
        </p>
      )}
      {commits.data && commits.data.length > 0 && (
        <ul className="commit-list">
          {commits.data.map((c) => {
            const author = c.author?.name || c.author?.email || 'unknown author';
            return (
              <li key={`${c.repository?.name ?? ''}:${c.id}`} className="commit">
                <span className="commit-message">{c.message?.split('\n')[0] || <span className="faint">(no message)</span>}</span>
                <span className="faint commit-meta">
                  <code title={c.id}>{c.id.slice(0, SHORT_SHA)}</code>
                  <CopyButton text={c.id} label="Copy SHA" className="btn btn-small btn-ghost" />
                  <span>
                    {author}
                    {c.repository && <> · {c.repository.name}</>}
                    {c.dateCreated && (
                      <>
                        {' · '}
                        <RelativeTime value={c.dateCreated} label="Committed" />
                      </>
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
