import { Link } from 'react-router';
import { type TagSummary, useResource } from '../../../api/index.js';
import { ErrorState, Skeleton } from '../../../ui/states.js';
import { tagTerm } from '../search/query-edit.js';

/** The issue's tags with the share of each top value as a bar (browser, release, environment, user…). */
export function IssueTags({ issueId, listHref }: { issueId: string; listHref: (query: string) => string }) {
  const tags = useResource<TagSummary[]>(`issues/${issueId}/tags/`, { limit: 5 });
  return (
    <section className="sidebar-section" aria-labelledby="issue-tags-title">
      <h2 id="issue-tags-title">Tags</h2>
      {tags.error && <ErrorState error={tags.error} onRetry={tags.reload} />}
      {!tags.data && !tags.error && (
        <>
          <Skeleton height={40} />
          <Skeleton height={40} />
        </>
      )}
      {tags.data?.length === 0 && <p className="faint">No tags.</p>}
      {tags.data?.map((t) => (
        <div key={t.key} className="tag-dist">
          <h3>{t.name ?? t.key}</h3>
          <ul aria-label={`Values of ${t.key}`}>
            {t.topValues.map((v) => {
              const pct = t.totalValues > 0 ? Math.round((v.count / t.totalValues) * 100) : 0;
              return (
                <li key={v.value} title={`${v.count} of ${t.totalValues} events`}>
                  <Link className="tag-dist-row" to={listHref(tagTerm(t.key, v.value))}>
                    <span className="tag-dist-bar" style={{ width: `${pct}%` }} aria-hidden="true" />
                    <span className="tag-dist-value">{v.value || '(empty)'}</span>
                    <span className="tag-dist-pct">{pct}%</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
