import type { PageLinks } from '../api/index.js';

/**
 * The footer of a cursor-paginated list: "Updating…" while a page loads, and buttons to the
 * previous and next page the API's `Link` header offers (disabled where it has no results).
 */
export function CursorPager({
  links,
  loading,
  onCursor,
  label = 'Pages',
  previousLabel = '← Previous',
  nextLabel = 'Next →',
}: {
  links: PageLinks;
  loading: boolean;
  onCursor: (cursor: string) => void;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  return (
    <nav className="list-footer" aria-label={label}>
      <span className="muted" aria-live="polite">
        {loading ? 'Updating…' : ''}
      </span>
      <div className="btn-group">
        <button type="button" className="btn btn-small" disabled={!links.previous?.results} onClick={() => links.previous && onCursor(links.previous.cursor)}>
          {previousLabel}
        </button>
        <button type="button" className="btn btn-small" disabled={!links.next?.results} onClick={() => links.next && onCursor(links.next.cursor)}>
          {nextLabel}
        </button>
      </div>
    </nav>
  );
}
