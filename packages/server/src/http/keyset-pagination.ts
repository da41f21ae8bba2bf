import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../kernel/index.js';
import { formatKeysetCursor, type KeysetCursor, type KeysetPage, parseKeysetCursor } from './keyset-cursor.js';
import { pageUrl } from './pagination.js';

/**
 * Keyset pagination for the large lists (issues, events): the cursor names the row a page
 * starts after, so page N costs what page 1 costs. The Link header has Sentry's shape
 * (Sentry API reference, Paginating Results); clients follow `rel="next"` while `results="true"`.
 */
type Query = Record<string, string | string[] | undefined>;

export function firstParam(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Query)[name];
  return Array.isArray(v) ? v[0] : v;
}

export function allParams(request: FastifyRequest, name: string): string[] {
  const v = (request.query as Query)[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** `limit` or `per_page`, clamped to `max` (Sentry caps lists at 100). */
export function readLimit(request: FastifyRequest, defaultLimit: number, max = 100): number {
  const raw = firstParam(request, 'limit') ?? firstParam(request, 'per_page');
  if (raw === undefined || raw === '') return defaultLimit;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail('validation_failed', 'limit must be a whole number ≥ 1');
  return Math.min(n, max);
}

export function readKeysetCursor(request: FastifyRequest): KeysetCursor | null {
  const parsed = parseKeysetCursor(firstParam(request, 'cursor'));
  if (!parsed.ok) fail('validation_failed', parsed.reason);
  return parsed.cursor;
}

export function setKeysetLink(request: FastifyRequest, reply: FastifyReply, page: KeysetPage<unknown>, cursor: KeysetCursor | null): void {
  // An empty page keeps the cursor it was asked with, so "previous" from past the end still works.
  const prev = page.prev ?? (cursor ? { ...cursor, backwards: true } : null);
  const next = page.next ?? (cursor ? { ...cursor, backwards: false } : null);
  const prevText = prev ? formatKeysetCursor(prev) : '0.0:0:1';
  const nextText = next ? formatKeysetCursor(next) : '0.0:0:0';
  reply.header(
    'link',
    `<${pageUrl(request, prevText)}>; rel="previous"; results="${page.hasPrev}"; cursor="${prevText}", ` +
      `<${pageUrl(request, nextText)}>; rel="next"; results="${page.hasNext}"; cursor="${nextText}"`,
  );
}

/** Offset pages of a list fetched with limit + 1 (tag values): Sentry's `0:<offset>:<is_prev>` cursors. */
export function setOffsetLink(request: FastifyRequest, reply: FastifyReply, offset: number, limit: number, hasNext: boolean): void {
  const prev = `0:${Math.max(0, offset - limit)}:1`;
  const next = `0:${offset + limit}:0`;
  reply.header(
    'link',
    `<${pageUrl(request, prev)}>; rel="previous"; results="${offset > 0}"; cursor="${prev}", <${pageUrl(request, next)}>; rel="next"; results="${hasNext}"; cursor="${next}"`,
  );
}
