import { checkEnvelopeHeaders, checkItemHeaders } from './check-headers.js';
import type { Envelope, EnvelopeItem } from './envelope.js';
import { isJsonObject, type JsonObject } from './json.js';
import { parseJsonPayload } from './parse-json-payload.js';
import { type Failure, fail } from './result.js';

/** Structural limits enforced while parsing. Byte-size limits (docs/ingest.md › Limits) are the caller's job. */
export interface EnvelopeLimits {
  /** Items per envelope; more → failure. Bounds work and memory per request. */
  readonly maxItems: number;
  /** Bytes per header line (envelope or item). Real headers are < 2 KiB. */
  readonly maxHeaderBytes: number;
  /** JSON nesting allowed in a header line; real headers nest 3 levels. */
  readonly maxHeaderDepth: number;
}

export const DEFAULT_ENVELOPE_LIMITS: EnvelopeLimits = Object.freeze({
  maxItems: 10_000,
  maxHeaderBytes: 64 * 1024,
  maxHeaderDepth: 64,
});

export type EnvelopeParseResult = { readonly ok: true; readonly envelope: Envelope } | Failure;

const NEWLINE = 0x0a;

/**
 * Parses envelope bytes (already decompressed) following Relay's algorithm (Sentry developer docs,
 * Envelopes › Serialization Format; our leniencies: docs/wire-format.md › Envelope parsing):
 *
 *   Envelope = Headers { "\n" Item } [ "\n" ];  Item = ItemHeaders "\n" Payload
 *
 * - Header lines are read up to the next `\n` (SDKs always write compact JSON),
 *   size- and depth-capped, strictly UTF-8-decoded, and must be JSON objects.
 * - With `length`, the payload is exactly that many bytes (may contain `\n`) and must be
 *   followed by `\n` or the end of the body; without it, it runs to the next `\n` or end.
 * - An item header may be the last thing in the body (empty payload). Empty lines where
 *   an item header is expected are skipped (Relay does not produce them; being
 *   lenient costs nothing), which also absorbs a trailing newline.
 * - `\r\n` is not a separator: `\r` is JSON whitespace at the end of a header
 *   line, but stays part of a length-less payload. No other CRLF handling.
 *
 * Payloads are `subarray` views, never copied or decoded. Never throws.
 */
export function parseEnvelope(bytes: Uint8Array, limits: Partial<EnvelopeLimits> = {}): EnvelopeParseResult {
  if (!(bytes instanceof Uint8Array)) return fail('envelope body must be bytes');
  if (bytes.length === 0) return fail('empty envelope');
  const max = resolveLimits(limits);
  const end = bytes.length;

  const headerEnd = lineEnd(bytes, 0);
  const rawHeaders = parseHeaderLine(bytes, 0, headerEnd, max, 'envelope header');
  if (!rawHeaders.ok) return rawHeaders;
  const headers = checkEnvelopeHeaders(rawHeaders.value);
  if (!headers.ok) return headers;

  const items: EnvelopeItem[] = [];
  let pos = headerEnd + 1;
  for (;;) {
    while (pos < end && bytes[pos] === NEWLINE) pos++;
    if (pos >= end) break;
    const itemHeaderEnd = lineEnd(bytes, pos);
    const index = items.length;
    if (index >= max.maxItems) return fail(`too many items (limit ${max.maxItems})`);
    const rawItemHeaders = parseHeaderLine(bytes, pos, itemHeaderEnd, max, `item ${index} header`);
    if (!rawItemHeaders.ok) return rawItemHeaders;
    const itemHeaders = checkItemHeaders(rawItemHeaders.value);
    if (!itemHeaders.ok) return fail(`item ${index}: ${itemHeaders.reason}`);

    const payloadStart = Math.min(itemHeaderEnd + 1, end);
    const length = itemHeaders.headers.length;
    let payloadEnd: number;
    if (length === undefined) {
      payloadEnd = lineEnd(bytes, payloadStart);
    } else {
      const remaining = end - payloadStart;
      if (length > remaining) {
        return fail(`item ${index}: length ${length} exceeds the ${remaining} bytes remaining`);
      }
      payloadEnd = payloadStart + length;
      if (payloadEnd < end && bytes[payloadEnd] !== NEWLINE) {
        return fail(`item ${index}: expected a newline after its ${length}-byte payload`);
      }
    }
    items.push({
      type: itemHeaders.headers.type,
      headers: itemHeaders.headers,
      payload: bytes.subarray(payloadStart, payloadEnd),
    });
    pos = payloadEnd + 1;
  }
  return { ok: true, envelope: { headers: headers.headers, items } };
}

/** Defaults for missing keys; an explicit `undefined` must not switch a limit off. */
function resolveLimits(limits: Partial<EnvelopeLimits>): EnvelopeLimits {
  return {
    maxItems: limits.maxItems ?? DEFAULT_ENVELOPE_LIMITS.maxItems,
    maxHeaderBytes: limits.maxHeaderBytes ?? DEFAULT_ENVELOPE_LIMITS.maxHeaderBytes,
    maxHeaderDepth: limits.maxHeaderDepth ?? DEFAULT_ENVELOPE_LIMITS.maxHeaderDepth,
  };
}

/** Index of the next `\n` at or after `from`, or the body length. */
function lineEnd(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(NEWLINE, from);
  return i === -1 ? bytes.length : i;
}

type HeaderLineResult = { readonly ok: true; readonly value: JsonObject } | Failure;

function parseHeaderLine(bytes: Uint8Array, start: number, end: number, max: EnvelopeLimits, what: string): HeaderLineResult {
  if (end - start > max.maxHeaderBytes) return fail(`${what} longer than ${max.maxHeaderBytes} bytes`);
  const parsed = parseJsonPayload(bytes.subarray(start, end), max.maxHeaderDepth);
  if (!parsed.ok) return fail(`${what}: ${parsed.reason}`);
  if (!isJsonObject(parsed.value)) return fail(`${what} must be a JSON object`);
  return { ok: true, value: parsed.value };
}
