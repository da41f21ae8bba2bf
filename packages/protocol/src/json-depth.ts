const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * True when the JSON text in `bytes` nests arrays/objects deeper than `maxDepth`.
 *
 * Why scan before `JSON.parse`: V8's parser is iterative and survives any depth, but the
 * values it returns are later walked recursively (`JSON.stringify`, normalizers, scrubbers)
 * and a 10k-deep array already overflows the stack there. One linear pass over the bytes,
 * no allocation. Works on raw UTF-8: every multi-byte sequence has its high bit set, so it
 * can never be mistaken for a quote, backslash or bracket. Malformed input is left for
 * `JSON.parse` to reject; this only answers the depth question.
 */
export function exceedsJsonDepth(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  const n = bytes.length;
  // A plain byte loop (~1 ns/byte, half the cost of JSON.parse); jumping through strings
  // with indexOf measured no faster on SDK payloads.
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACKET || b === OPEN_BRACE) {
      if (++depth > maxDepth) return true;
    } else if (b === CLOSE_BRACKET || b === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
