import { apiUrl, type EventAttachment, useResource } from '../../api/index.js';

/** Shown inline: raster images only (an SVG is a document of its own). */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function kilobytes(size: number): string {
  return size < 1024 ? `${size} B` : `${Math.round(size / 1024)} KB`;
}

/**
 * The screenshots and other files sent with a feedback. The server serves their bytes as
 * downloads the browser may not sniff or run; images are shown with `<img>`, which never runs
 * them, and every name is text.
 */
export function FeedbackAttachments({ org, projectSlug, eventId }: { org: string; projectSlug: string; eventId: string }) {
  const base = `projects/${org}/${projectSlug}/events/${eventId}/attachments/`;
  const list = useResource<EventAttachment[]>(base);
  if (!list.data || list.data.length === 0) return null;
  return (
    <ul className="feedback-attachments" aria-label="Attachments">
      {list.data.map((a) => {
        const href = apiUrl(`${base}${a.id}/`, { download: '1' });
        return (
          <li key={a.id}>
            {INLINE.has(a.mimetype) && (
              <a href={href} className="feedback-screenshot-link">
                <img className="feedback-screenshot" src={href} alt={`Screenshot ${a.name}`} loading="lazy" />
              </a>
            )}
            <a href={href} download={a.name}>
              {a.name}
            </a>{' '}
            <span className="muted">{kilobytes(a.size)}</span>
          </li>
        );
      })}
    </ul>
  );
}
