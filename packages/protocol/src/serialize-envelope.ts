import type { JsonObject } from './json.js';

export interface SerializableItem {
  /** Item headers; `type` required. Any `length` given here is replaced (see `withLength`). */
  readonly headers: JsonObject & { readonly type: string };
  /** Raw bytes, or text to be UTF-8 encoded. */
  readonly payload: Uint8Array | string;
  /**
   * Write a `length` header (default true). Without it the payload must not contain `\n`,
   * because it then ends at the first newline (Sentry developer docs, Envelopes › Serialization Format) — that
   * is what the JS SDKs do for JSON items; attachments and binary payloads always need a length.
   */
  readonly withLength?: boolean;
}

export interface SerializeOptions {
  /** End the body with `\n` (Python, sentry-cli) or not (JS SDKs). Default false. */
  readonly trailingNewline?: boolean;
}

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

/**
 * Builds envelope bytes from headers and items — the inverse of `parseEnvelope`, used by
 * tests and the bench load generator. Writes compact single-line JSON headers like the
 * SDKs do. Throws a RangeError for an item that cannot be represented (a length-less
 * payload containing `\n`): that is a bug in the caller, not bad input from a client.
 */
export function serializeEnvelope(headers: JsonObject, items: readonly SerializableItem[], options: SerializeOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode(JSON.stringify(headers))];
  for (const [index, item] of items.entries()) {
    const payload = typeof item.payload === 'string' ? encoder.encode(item.payload) : item.payload;
    const { length: _ignored, ...rest } = item.headers;
    const withLength = item.withLength ?? true;
    if (!withLength && payload.includes(NEWLINE)) {
      throw new RangeError(`item ${index}: a payload containing a newline needs a length header`);
    }
    const itemHeaders = withLength ? { ...rest, length: payload.byteLength } : rest;
    parts.push(encoder.encode(JSON.stringify(itemHeaders)), payload);
  }
  if (options.trailingNewline === true) parts.push(new Uint8Array(0));

  // header \n (itemHeader \n payload)* joined by \n; an empty last part yields the trailing \n.
  let total = parts.length - 1;
  for (const part of parts) total += part.byteLength;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0) out[offset++] = NEWLINE;
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
