import { decodeUtf8 } from './decode-utf8.js';
import type { JsonValue } from './json.js';
import { exceedsJsonDepth } from './json-depth.js';
import { type Failure, fail } from './result.js';

/** serde_json's default recursion limit, so we accept exactly what Relay accepts. */
export const DEFAULT_MAX_JSON_DEPTH = 128;

export type JsonPayloadResult = { readonly ok: true; readonly value: JsonValue } | Failure;

/**
 * Parses an item payload (or any UTF-8 JSON document) safely: rejects invalid UTF-8 and
 * nesting deeper than `maxDepth` before `JSON.parse` sees it (see json-depth.ts), so a
 * 200k-deep `[[[[…` costs one linear scan and yields `ok: false`. Never throws.
 */
export function parseJsonPayload(bytes: Uint8Array, maxDepth: number = DEFAULT_MAX_JSON_DEPTH): JsonPayloadResult {
  if (exceedsJsonDepth(bytes, maxDepth)) return fail(`JSON nested deeper than ${maxDepth} levels`);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, value: JSON.parse(decoded.text) as JsonValue };
  } catch {
    // V8's message quotes a snippet of the input; keep reasons free of client bytes.
    return fail('not valid JSON');
  }
}
