import type { PageLinks } from '../../api/index.js';
import { PAGE_SIZES } from './list-params.js';

/** Previous / next page by the server's Link-header cursors, and the page size. */
export function ListFooter({
  links,
  loading,
  count,
  limit,
  onCursor,
  onLimit,
}: {
  links: PageLinks;
  loading: boolean;
  count: number;
  limit: number;
  onCursor: (cursor: string) => void;
  onLimit: (limit: number) => void;
}) {
  return (
    <nav className="list-footer" aria-label="Pages">
      <span className="muted" aria-live="polite">
        {loading ? 'Updating…' : count > 0 ? `${count} issue${count === 1 ? '' : 's'} on this page` : ''}
      </span>
      <div className="list-footer-right">
        <label className="filter">
          <span className="filter-label">Per page</span>
          <select value={limit} onChange={(e) => onLimit(Number(e.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <div className="btn-group">
          <button type="button" className="btn btn-small" disabled={!links.previous?.results} onClick={() => links.previous && onCursor(links.previous.cursor)}>
            ← Previous
          </button>
          <button type="button" className="btn btn-small" disabled={!links.next?.results} onClick={() => links.next && onCursor(links.next.cursor)}>
            Next →
          </button>
        </div>
      </div>
    </nav>
  );
}
