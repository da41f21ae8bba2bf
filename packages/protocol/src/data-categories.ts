/**
 * Data categories: the unit of rate limits (`X-Sentry-Rate-Limits`), client reports and
 * outcomes. Names are the wire names (Sentry developer docs, Rate Limiting › Definitions); SDKs ignore
 * categories they do not know, so only these may appear in a rate-limit header.
 */
export const DATA_CATEGORIES = [
  /** Message-only events in old Sentry; limit it together with `error` (docs/wire-format.md › Rate-limit header). */
  'default',
  'error',
  'transaction',
  'span',
  'security',
  /** Attachment bytes. */
  'attachment',
  /** Attachment count. */
  'attachment_item',
  'session',
  /** User feedback (`feedback` items; Relay's `user_report_v2`, wire name `feedback`). */
  'feedback',
  /** Client reports: never rate-limited (Sentry developer docs, Client Reports). */
  'internal',
  /** Cron check-ins. */
  'monitor',
  'replay',
  'profile',
  'profile_chunk',
  'profile_chunk_ui',
  /** Log records (count, from `item_count`). */
  'log_item',
  /** Log bytes. */
  'log_byte',
  'trace_metric',
  /** Deprecated metrics (`statsd`, `metric_buckets`). */
  'metric_bucket',
  /** Not a wire category: outcomes of items whose type we do not know (Relay does the same). */
  'unknown',
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];

const KNOWN: ReadonlySet<string> = new Set(DATA_CATEGORIES);

export function isDataCategory(value: unknown): value is DataCategory {
  return typeof value === 'string' && KNOWN.has(value);
}
