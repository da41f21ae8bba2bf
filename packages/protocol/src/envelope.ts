import type { JsonObject, JsonValue } from './json.js';

/**
 * Envelope headers (Sentry developer docs, Envelopes › Envelope Headers). Unknown keys are kept and must be
 * ignored, never rejected. After parsing, the keys typed below are either absent or valid: `event_id` is
 * normalized to 32 lowercase hex and a JSON `null` counts as absent.
 */
export interface EnvelopeHeaders extends JsonObject {
  /** Event/replay id the items belong to; 32 lowercase hex (normalized from hyphenated). */
  event_id?: string;
  /**
   * Full DSN; the only credential of tunnelled envelopes (Sentry product docs, JavaScript Troubleshooting ›
   * Using the tunnel Option). Parse it with `parseDsn`.
   */
  dsn?: string;
  /** RFC 3339 client send time, unvalidated (`parseTimestamp` it if you need it). */
  sent_at?: JsonValue;
  /** `{name, version, integrations?, packages?}`, unvalidated. */
  sdk?: JsonValue;
  /** Dynamic sampling context, an object of strings, unvalidated. */
  trace?: JsonValue;
}

/** Item headers (Sentry developer docs, Envelopes › Item Headers); typed keys are validated, unknown keys kept. */
export interface ItemHeaders extends JsonObject {
  /**
   * Item type (Sentry developer docs, Envelope Items), a non-empty string; unknown types are legal (see
   * item-types.ts).
   */
  type: string;
  /** Payload length in bytes when the sender gave one (payload may then contain `\n`). */
  length?: number;
  /** MIME type; container types carry `item_count` records (docs/wire-format.md › Item headers). */
  content_type?: string;
  /** Records in a container payload (span/log/trace_metric); counts for outcomes. */
  item_count?: number;
  /** Attachment file name. */
  filename?: string;
  /** Attachment kind, default `event.attachment`. */
  attachment_type?: string;
  /** Platform of a `profile_chunk`. */
  platform?: string;
}

export interface EnvelopeItem {
  /** Same as `headers.type`, lifted for convenience. */
  readonly type: string;
  readonly headers: ItemHeaders;
  /** A view into the request body (not a copy): never mutate it, copy if you keep the body. */
  readonly payload: Uint8Array;
}

export interface Envelope {
  readonly headers: EnvelopeHeaders;
  readonly items: EnvelopeItem[];
}
