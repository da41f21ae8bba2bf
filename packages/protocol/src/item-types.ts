import type { DataCategory } from './data-categories.js';

/** What the protocol says about one item type (docs/wire-format.md › Item types and data categories). */
export interface ItemTypeInfo {
  /**
   * Data category for rate limits and outcomes (Sentry developer docs, Rate Limiting › Definitions), counted
   * once per item...
   */
  readonly category: DataCategory;
  /** ...unless this says otherwise: `bytes` = payload length, `item_count` = records in a container. */
  readonly quantity: 'item' | 'bytes' | 'item_count';
  /** A second category the item also counts in (e.g. attachment count, log bytes). */
  readonly alsoCounts?: { readonly category: DataCategory; readonly quantity: 'item' | 'bytes' };
  /**
   * Counts towards the 1 MiB per-envelope "event-like items combined" limit (Sentry developer docs, Envelopes ›
   * Size Limits).
   */
  readonly eventLike: boolean;
  /** Takes the envelope header `event_id` when its payload lacks one (docs/wire-format.md › Envelope headers). */
  readonly requiresEvent: boolean;
  /** Still accepted, but SDKs no longer send it (or the product is gone). */
  readonly deprecated: boolean;
}

const base = { quantity: 'item', eventLike: false, requiresEvent: false, deprecated: false } as const;
const info = (category: DataCategory, rest: Partial<Omit<ItemTypeInfo, 'category'>> = {}): ItemTypeInfo => Object.freeze({ ...base, category, ...rest });

/**
 * Every item type we know (Sentry developer docs, Envelope Items, plus what SDKs send). Unknown types are legal
 * and must be accepted and ignored, never fail an envelope (docs/wire-format.md › Item types and data categories).
 */
export const ITEM_TYPES = Object.freeze({
  /**
   * Error or message event (Sentry developer docs, Envelope Items › Event). Category depends on the payload;
   * see `dataCategoryOf`.
   */
  event: info('error', { eventLike: true, requiresEvent: true }),
  /**
   * Transaction event (Sentry developer docs, Envelope Items › Transaction); its spans also count as `span`
   * (needs the payload).
   */
  transaction: info('transaction', { eventLike: true, requiresEvent: true }),
  /** Span v2 container (`item_count` spans) or a legacy single span (docs/wire-format.md › Item headers). */
  span: info('span', { quantity: 'item_count' }),
  security: info('security', { eventLike: true }),
  raw_security: info('security', { eventLike: true }),
  nel: info('security', { eventLike: true }),
  attachment: info('attachment', {
    quantity: 'bytes',
    alsoCounts: { category: 'attachment_item', quantity: 'item' },
    requiresEvent: true,
  }),
  session: info('session'),
  sessions: info('session'),
  /**
   * Legacy feedback (Sentry developer docs, Envelope Items › User Feedback); the JS SDK files it under
   * `default`, so rate limits do too.
   */
  user_report: info('default', { requiresEvent: true }),
  feedback: info('feedback', { eventLike: true, requiresEvent: true }),
  client_report: info('internal'),
  check_in: info('monitor'),
  replay_event: info('replay', { eventLike: true, requiresEvent: true }),
  replay_recording: info('replay'),
  replay_video: info('replay'),
  profile: info('profile', { requiresEvent: true }),
  /** `profile_chunk_ui` for UI platforms, see `dataCategoryOf`. */
  profile_chunk: info('profile_chunk'),
  profile_chunk_ui: info('profile_chunk_ui'),
  log: info('log_item', { quantity: 'item_count', alsoCounts: { category: 'log_byte', quantity: 'bytes' } }),
  trace_metric: info('trace_metric', { quantity: 'item_count' }),
  statsd: info('metric_bucket', { deprecated: true }),
  metric_buckets: info('metric_bucket', { deprecated: true }),
  otel_span: info('span'),
  otel_traces_data: info('span'),
  /** Minidump form fields; merged into the event they describe (Sentry developer docs, Envelope Items). */
  form_data: info('error', { eventLike: true }),
  /** Unreal crash report; becomes an error event. */
  unreal_report: info('error'),
  /** Third-party integration payloads (logs/spans); category depends on the content. */
  integration: info('unknown'),
} as const satisfies Record<string, ItemTypeInfo>);

export type KnownItemType = keyof typeof ITEM_TYPES;

const UNKNOWN: ItemTypeInfo = info('unknown');

export function isKnownItemType(type: string): type is KnownItemType {
  return Object.hasOwn(ITEM_TYPES, type);
}

/** Protocol facts for an item type; unknown types get category `unknown`. Never throws. */
export function itemTypeInfo(type: string): ItemTypeInfo {
  return isKnownItemType(type) ? ITEM_TYPES[type] : UNKNOWN;
}

/** What the payload or item header says, when the caller already knows it. */
export interface CategoryHint {
  /** The event payload's `type` field (`event` items only). */
  readonly eventType?: string;
  /** The item header's `platform` (`profile_chunk` only). */
  readonly platform?: string;
}

const SECURITY_EVENT_TYPES: ReadonlySet<string> = new Set(['csp', 'hpkp', 'expectct', 'expectstaple', 'nel']);
// Relay splits continuous profiling into backend and UI by platform.
const UI_PROFILE_PLATFORMS: ReadonlySet<string> = new Set(['cocoa', 'android', 'javascript']);

/**
 * The primary data category of an item (docs/wire-format.md › Item types and data
 * categories). `event` items are `error` — also for message-only events, which old Sentry
 * counted as `default`, because the JS SDK files every `event` under `error` (a server that counted
 * messages as `default` would disagree with what the SDK drops). Security report events
 * (`csp`, `hpkp`, `expectct`, `expectstaple`, `nel`) are `security`; an `event` item
 * whose payload says `"type":"transaction"` is a `transaction`.
 */
export function dataCategoryOf(itemType: string, hint: CategoryHint = {}): DataCategory {
  if (itemType === 'event' && hint.eventType !== undefined) {
    if (SECURITY_EVENT_TYPES.has(hint.eventType)) return 'security';
    if (hint.eventType === 'transaction') return 'transaction';
  }
  if (itemType === 'profile_chunk' && hint.platform !== undefined && UI_PROFILE_PLATFORMS.has(hint.platform)) {
    return 'profile_chunk_ui';
  }
  return itemTypeInfo(itemType).category;
}

export interface CategoryQuantity {
  readonly category: DataCategory;
  readonly quantity: number;
}

/**
 * What one item counts for in outcomes and rate-limit accounting: its primary category
 * (items, payload bytes, or container records from `item_count`, defaulting to 1) plus
 * any second category (attachment count, log bytes). A transaction's spans (`span`,
 * docs/wire-format.md › Item types and data categories) need the parsed payload and are not included here.
 */
export function quantitiesOf(
  item: { readonly type: string; readonly headers: { readonly item_count?: number }; readonly payload: Uint8Array },
  hint: CategoryHint = {},
): CategoryQuantity[] {
  const typeInfo = itemTypeInfo(item.type);
  const measure = (quantity: ItemTypeInfo['quantity']): number =>
    quantity === 'bytes' ? item.payload.byteLength : quantity === 'item_count' ? (item.headers.item_count ?? 1) : 1;
  const out: CategoryQuantity[] = [{ category: dataCategoryOf(item.type, hint), quantity: measure(typeInfo.quantity) }];
  if (typeInfo.alsoCounts !== undefined) {
    out.push({ category: typeInfo.alsoCounts.category, quantity: measure(typeInfo.alsoCounts.quantity) });
  }
  return out;
}
