import type { DataCategory } from './data-categories.js';

/** Who the limit applies to; informational for SDKs (Sentry developer docs, Rate Limiting). */
export type RateLimitScope = 'organization' | 'project' | 'key';

export interface RateLimit {
  /** Seconds until the SDK may send this category again. */
  readonly retryAfterSeconds: number;
  /** Limited categories; an empty list means **all** categories (docs/wire-format.md › Rate-limit header). */
  readonly categories: readonly string[];
  readonly scope?: RateLimitScope | string;
  /** e.g. `quota_exceeded`, `disabled`. */
  readonly reasonCode?: string;
  /** Only meaningful with `metric_bucket` (e.g. `custom`). */
  readonly namespaces?: readonly string[];
}

/** Seconds SDKs assume when `retry_after` is not a number (JS and Python transports). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

// Larger numbers would print as `1e+21`, which `parseInt` reads as 1.
const MAX_RETRY_AFTER_SECONDS = 2_147_483_647;

/**
 * Categories that must be limited together: the JS SDK files `event` items under `error`,
 * older SDKs under `default`, so an error limit must name both (docs/wire-format.md › Rate-limit header;
 * captured header `60:error;default:organization:quota_exceeded`).
 */
export function withLinkedCategories(categories: readonly DataCategory[]): DataCategory[] {
  const out = new Set<DataCategory>(categories);
  if (out.has('error') || out.has('default')) {
    out.add('error');
    out.add('default');
  }
  return [...out];
}

/**
 * Formats an `X-Sentry-Rate-Limits` value exactly as the SDKs parse it (Sentry developer docs, Rate Limiting):
 * `retry_after:categories:scope[:reason_code[:namespaces]]`, categories joined by `;`,
 * limits joined by `, `. `retry_after` is written as an integer (SDKs `parseInt` it),
 * rounded up so the client never comes back early; at least 1 second. An empty list gives
 * `''`: then send no header at all.
 */
export function formatRateLimits(limits: readonly RateLimit[]): string {
  const out: string[] = [];
  for (const limit of limits) {
    const categories = limit.categories.map(clean).filter((c) => c !== '');
    // A list that cleaned down to nothing must not turn into "all categories".
    if (categories.length === 0 && limit.categories.length > 0) continue;
    out.push(formatOne(limit, categories));
  }
  return out.join(', ');
}

function formatOne(limit: RateLimit, categories: readonly string[]): string {
  const seconds = Number.isFinite(limit.retryAfterSeconds)
    ? Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(limit.retryAfterSeconds)))
    : DEFAULT_RETRY_AFTER_SECONDS;
  const parts = [String(seconds), categories.join(';'), clean(limit.scope ?? 'organization')];
  const namespaces = limit.namespaces?.map(clean).join(';') ?? '';
  if (limit.reasonCode !== undefined || namespaces !== '') parts.push(clean(limit.reasonCode ?? ''));
  if (namespaces !== '') parts.push(namespaces);
  return parts.join(':');
}

// The grammar has no escaping: drop the separators (and whitespace) from free-text parts.
function clean(part: string): string {
  return part.replace(/[\s:;,]/g, '');
}

/** The `Retry-After` value for a 429 carrying these limits: the longest one, in seconds. */
export function retryAfterSeconds(limits: readonly RateLimit[]): number {
  let max = 0;
  for (const l of limits) {
    if (Number.isFinite(l.retryAfterSeconds)) max = Math.max(max, Math.ceil(l.retryAfterSeconds));
  }
  return max > 0 ? Math.min(max, MAX_RETRY_AFTER_SECONDS) : DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * Parses an `X-Sentry-Rate-Limits` value the way the JS SDK's `updateRateLimits` does:
 * a non-numeric `retry_after` becomes 60 s and empty categories mean all — so a stray empty
 * entry (`"60:error, "`) limits *everything* for 60 s, which is why `formatRateLimits`
 * never writes one. An empty header means no limits. Total: any string gives a list.
 * For tests and the bench client.
 */
export function parseRateLimits(header: string): RateLimit[] {
  const limits: RateLimit[] = [];
  if (header.trim() === '') return limits;
  for (const raw of header.trim().split(',')) {
    const entry = raw.trim();
    const [retryAfter = '', categories = '', scope, reasonCode, namespaces] = entry.split(':', 5);
    const seconds = Number.parseInt(retryAfter, 10);
    limits.push({
      retryAfterSeconds: Number.isNaN(seconds) ? DEFAULT_RETRY_AFTER_SECONDS : seconds,
      categories: categories.split(';').filter((c) => c !== ''),
      ...(scope ? { scope } : {}),
      ...(reasonCode ? { reasonCode } : {}),
      ...(namespaces ? { namespaces: namespaces.split(';').filter((n) => n !== '') } : {}),
    });
  }
  return limits;
}
