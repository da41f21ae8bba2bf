import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/**
 * What `GET chunk-upload/` promises sentry-cli (docs/wire-format.md › sentry-cli: chunked uploads) and the
 * upload enforces.
 */
export interface ChunkLimits {
  chunkSize: number;
  chunksPerRequest: number;
  maxRequestSize: number;
  maxFileSize: number;
  concurrency: number;
}

export const DEFAULT_CHUNK_LIMITS: Omit<ChunkLimits, 'maxFileSize'> = {
  chunkSize: 8 * 1024 * 1024,
  chunksPerRequest: 64,
  maxRequestSize: 32 * 1024 * 1024,
  concurrency: 8,
};

export function sha1Hex(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

export const isSha1 = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{40}$/.test(v);

export type ChunkDecode = { ok: true; sha1: string; data: Uint8Array } | { ok: false; reason: string };

/**
 * One multipart part of a chunk upload: `file_gzip` (gzip of the chunk) or `file`; the part's
 * filename is the SHA-1 of the uncompressed chunk. Inflating stops at `chunkSize`, so a small
 * gzip bomb costs no more memory than an honest chunk.
 */
export async function decodeChunk(field: string, filename: string | undefined, body: Buffer, chunkSize: number): Promise<ChunkDecode> {
  const expected = (filename ?? '').toLowerCase();
  if (!isSha1(expected)) return { ok: false, reason: 'Chunk filename must be the SHA-1 of the chunk' };
  let data: Uint8Array;
  if (field === 'file_gzip') {
    try {
      data = await gunzipAsync(body, { maxOutputLength: chunkSize });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ERR_BUFFER_TOO_LARGE' ? 'Chunk size too large' : 'Chunk is not valid gzip' };
    }
  } else if (field === 'file') {
    if (body.byteLength > chunkSize) return { ok: false, reason: 'Chunk size too large' };
    data = body;
  } else {
    return { ok: false, reason: `Unexpected form field ${JSON.stringify(field.slice(0, 40))}` };
  }
  const actual = sha1Hex(data);
  if (actual !== expected) return { ok: false, reason: `Chunk checksum mismatch: ${expected} was uploaded but the content hashes to ${actual}` };
  return { ok: true, sha1: actual, data };
}
