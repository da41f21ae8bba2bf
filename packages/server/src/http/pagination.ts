import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sentry-style cursor pagination (Sentry API reference, Paginating Results): `cursor=<value>:<offset>:<is_prev>`
 * and a `Link` header whose `results` flag tells clients whether to follow.
 * Offset cursors suit the small lists here; large lists use keyset cursors.
 */
export interface PageRequest {
  offset: number;
  limit: number;
}

export function readPage(request: FastifyRequest, defaultLimit = 100, maxLimit = 100): PageRequest {
  const q = request.query as Record<string, string | string[] | undefined>;
  // A repeated parameter arrives as an array; the first one counts, as elsewhere in the API.
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const cursor = first(q.cursor) ?? '';
  const parts = cursor.split(':');
  const offset = parts.length === 3 && /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : 0;
  const perPage = Number(first(q.per_page) ?? first(q.limit) ?? defaultLimit);
  const limit = Number.isInteger(perPage) && perPage > 0 ? Math.min(perPage, maxLimit) : defaultLimit;
  return { offset, limit };
}

export function paginate<T>(request: FastifyRequest, reply: FastifyReply, all: readonly T[], page: PageRequest): T[] {
  const items = all.slice(page.offset, page.offset + page.limit);
  const hasNext = page.offset + page.limit < all.length;
  const hasPrev = page.offset > 0;
  const prevCursor = `0:${Math.max(0, page.offset - page.limit)}:1`;
  const nextCursor = `0:${page.offset + page.limit}:0`;
  reply.header(
    'link',
    `<${pageUrl(request, prevCursor)}>; rel="previous"; results="${hasPrev}"; cursor="${prevCursor}", <${pageUrl(request, nextCursor)}>; rel="next"; results="${hasNext}"; cursor="${nextCursor}"`,
  );
  return items;
}

/** The request's own URL with only the cursor replaced, so `per_page` and filters survive following the link. */
export function pageUrl(request: FastifyRequest, cursor: string): string {
  const q = request.url.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1));
  params.set('cursor', cursor);
  // Colons are legal in a query; keeping them literal matches Sentry's links.
  return `${q < 0 ? request.url : request.url.slice(0, q)}?${params.toString().replace(/%3A/gi, ':')}`;
}
