/** One part of Sentry's `Link` header: `<url>; rel="next"; results="true"; cursor="0:100:0"`. */
export interface PageLink {
  readonly url: string;
  readonly results: boolean;
  readonly cursor: string;
}

export interface PageLinks {
  readonly previous: PageLink | null;
  readonly next: PageLink | null;
}

const PART = /^<([^>]*)>\s*;(.*)$/;
const ATTR = /(\w+)="([^"]*)"/g;

/**
 * Parses the pagination `Link` header the API sends (Sentry API reference, Paginating Results). Unknown or
 * malformed parts are skipped: a list without pages still renders.
 */
export function parseLinkHeader(header: string | null | undefined): PageLinks {
  const links: { previous: PageLink | null; next: PageLink | null } = { previous: null, next: null };
  if (!header) return links;
  for (const part of header.split(/,\s*(?=<)/)) {
    const m = PART.exec(part.trim());
    if (!m) continue;
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) attrs.set(a[1] ?? '', a[2] ?? '');
    const rel = attrs.get('rel');
    if (rel !== 'previous' && rel !== 'next') continue;
    links[rel] = { url: m[1] ?? '', results: attrs.get('results') === 'true', cursor: attrs.get('cursor') ?? '' };
  }
  return links;
}
