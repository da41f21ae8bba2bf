import type { DataCategory } from './data-categories.js';
import { isJsonObject } from './json.js';
import { type Failure, fail } from './result.js';
import { parseTimestamp } from './timestamps.js';

/**
 * Outcome vocabulary (house style: every item ends in exactly one outcome with a reason).
 * Server-side outcomes follow Relay; `client_discard` records what SDKs report they
 * dropped themselves (Sentry developer docs, Client Reports).
 */
export type OutcomeKind = 'accepted' | 'filtered' | 'rate_limited' | 'invalid' | 'client_discard';

export type Outcome =
  | { readonly outcome: 'accepted'; readonly category: DataCategory; readonly quantity: number }
  | {
      readonly outcome: Exclude<OutcomeKind, 'accepted'>;
      readonly category: DataCategory | string;
      readonly quantity: number;
      /** Machine-readable reason, e.g. `quota_exceeded`, `release_version`, `too_large`, `sample_rate`. */
      readonly reason: string;
    };

/**
 * Discard reasons SDKs put in client reports (docs/wire-format.md › Client reports). Others may appear; keep
 * them as strings.
 */
export const CLIENT_DISCARD_REASONS = [
  'queue_overflow',
  'cache_overflow',
  'buffer_overflow',
  'ratelimit_backoff',
  'network_error',
  'sample_rate',
  'before_send',
  'event_processor',
  'send_error',
  'internal_sdk_error',
  'insufficient_data',
  'backpressure',
  'no_parent_span',
  'ignored',
] as const;

export type ClientDiscardReason = (typeof CLIENT_DISCARD_REASONS)[number];

/** One counted line of a client report. */
export interface ClientReportEntry {
  /** `client_discard` for `discarded_events`; older SDKs' extra arrays map as Relay maps them. */
  readonly outcome: 'client_discard' | 'rate_limited' | 'filtered';
  readonly reason: ClientDiscardReason | string;
  /** Data category as the SDK wrote it (may be one we do not know, e.g. `metric`). */
  readonly category: DataCategory | string;
  readonly quantity: number;
}

export interface ClientReport {
  /** Client time of the report in ms since epoch, when present and valid. */
  readonly timestampMs?: number;
  readonly entries: ClientReportEntry[];
  /** Entries dropped because they were malformed (not objects, bad quantity, missing strings). */
  readonly skipped: number;
}

export type ClientReportResult = { readonly ok: true; readonly report: ClientReport } | Failure;

// Relay's ClientReport struct: `discarded_events` plus the arrays of older SDKs (docs/wire-format.md › Client reports).
const SECTIONS = [
  ['discarded_events', 'client_discard'],
  ['rate_limited_events', 'rate_limited'],
  ['filtered_events', 'filtered'],
  ['filtered_sampling_events', 'filtered'],
] as const;

/** Reasons and categories become counter keys: bound them (real ones are < 32 chars). */
const MAX_NAME_LENGTH = 64;

/** Quantities are `u32` in Relay; bigger numbers are nonsense, not data. */
const MAX_QUANTITY = 0xffff_ffff;

/**
 * Turns a parsed `client_report` payload (`parseJsonPayload` first) into counted entries.
 * Robust to bad input: a non-object fails; malformed entries are skipped and counted,
 * zero quantities are dropped (they count nothing). Never throws.
 */
export function parseClientReport(json: unknown): ClientReportResult {
  if (!isJsonObject(json)) return fail('client report must be a JSON object');
  const entries: ClientReportEntry[] = [];
  let skipped = 0;
  for (const [key, outcome] of SECTIONS) {
    const list = json[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      skipped++;
      continue;
    }
    for (const raw of list) {
      const entry = toEntry(raw, outcome);
      if (entry === 'skip') skipped++;
      else if (entry.quantity > 0) entries.push(entry);
    }
  }
  const ts = json.timestamp === undefined ? undefined : parseTimestamp(json.timestamp);
  return { ok: true, report: { entries, skipped, ...(ts?.ok ? { timestampMs: ts.ms } : {}) } };
}

function toEntry(raw: unknown, outcome: ClientReportEntry['outcome']): ClientReportEntry | 'skip' {
  if (!isJsonObject(raw)) return 'skip';
  const { reason, category, quantity } = raw;
  if (!isShortName(reason) || !isShortName(category)) return 'skip';
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) {
    return 'skip';
  }
  return { outcome, reason, category, quantity };
}

function isShortName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH;
}
