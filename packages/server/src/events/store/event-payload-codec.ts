import { brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * How `events.payload` is compressed. Most events of an issue repeat its first one almost
 * byte for byte (same stack, source context, modules, contexts), which compressing each
 * document on its own cannot exploit: brotli makes a typical 28 KB event about 8 KB. Raw
 * deflate primed with a dictionary — the start of an earlier event of the same issue —
 * makes it about 3 KB, in less CPU. So:
 *   `br`            brotli, no dictionary (the first events of a group, transactions)
 *   `deflate-dict`  raw deflate with the preset dictionary `events.dictionary_id` names
 *   `identity`      plain JSON (rows written by hand in tests)
 */
export type PayloadEncoding = 'br' | 'deflate-dict' | 'identity';

/** deflate looks back at most 32 KB, so a longer dictionary would only cost space. */
export const MAX_DICTIONARY_BYTES = 32 * 1024;

// Quality 2 compresses SDK events 3.5–6× at ~0.35 ms per 28 KB; higher levels cost far more time.
// Synchronous on purpose: many concurrent async compressions on the thread pool measured 2–4×
// the CPU (an encoder allocated per call, threads fighting over two cores).
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } };
// Level 3 with a dictionary: 3.3 KB and ~0.29 ms per typical event; level 6 saves 10% more for twice the time.
const deflateLevel = 3;

export interface EncodedPayload {
  readonly encoding: PayloadEncoding;
  readonly payload: Uint8Array;
}

export function encodePayload(json: string, dictionary?: Uint8Array): EncodedPayload {
  if (dictionary === undefined) return { encoding: 'br', payload: brotliCompressSync(json, brotliOptions) };
  return { encoding: 'deflate-dict', payload: deflateRawSync(json, { level: deflateLevel, dictionary }) };
}

/** The dictionary an event's JSON donates to later events of its group. */
export function dictionaryFrom(json: string): Uint8Array {
  const bytes = Buffer.from(json, 'utf8');
  return bytes.subarray(0, MAX_DICTIONARY_BYTES);
}

export function decodePayload(encoding: string, payload: Uint8Array, dictionary: Uint8Array | null): Buffer {
  switch (encoding) {
    case 'br':
      return brotliDecompressSync(payload);
    case 'deflate-dict':
      if (dictionary === null) throw new Error('a deflate-dict payload needs its dictionary');
      return inflateRawSync(payload, { dictionary });
    case 'identity':
      return Buffer.from(payload);
    default:
      throw new Error(`unknown stored payload encoding: ${encoding}`);
  }
}
