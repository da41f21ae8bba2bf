import { promisify } from 'node:util';
import { brotliDecompress, brotliDecompressSync, gunzip, gunzipSync, inflate, inflateRaw, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';

type Decoder = { sync(body: Uint8Array, options: ZlibOptions): Buffer; async(body: Uint8Array, options: ZlibOptions): Promise<Buffer> };

const decoders: Record<string, Decoder> = {
  gzip: { sync: gunzipSync, async: promisify(gunzip) },
  deflate: { sync: inflateSync, async: promisify(inflate) },
  'deflate-raw': { sync: inflateRawSync, async: promisify(inflateRaw) },
  br: { sync: brotliDecompressSync, async: promisify(brotliDecompress) },
};

// Typical envelopes decode faster inline than through the thread pool's stream machinery;
// big ones go to the pool so the event loop (and ingest) is not held up.
const inlineMaxBytes = 4 * 1024 * 1024;

/**
 * Decodes a queued envelope body. Ingest already inflated it once within its limits,
 * so `decodedBytes` is exact; it caps the output again in case the row was tampered with.
 */
export async function decodeStoredBody(encoding: string, body: Uint8Array, decodedBytes: number): Promise<Uint8Array> {
  if (encoding === 'identity') return body;
  if (encoding === 'zstd') return zstdDecompress(body);
  const decoder = decoders[encoding];
  if (decoder === undefined) throw new Error(`unknown stored body encoding "${encoding}"`);
  const options = { maxOutputLength: Math.max(1, decodedBytes) };
  return decodedBytes <= inlineMaxBytes ? decoder.sync(body, options) : decoder.async(body, options);
}
