import { constants as bufferConstants } from 'node:buffer';
import type { Readable, Transform } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliDecompress,
  brotliDecompressSync,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  gunzip,
  gunzipSync,
  inflate as inflateCb,
  inflateRaw,
  inflateRawSync,
  inflateSync,
  type ZlibOptions,
} from 'node:zlib';
import { FaultlineError } from '../kernel/index.js';
import { type BodyCodec, hasZlibHeader } from './content-encoding.js';
import { decodeZstd } from './zstd.js';

export interface BodyLimits {
  /** bytes on the wire (compressed) */
  maxWireBytes: number;
  /** bytes after decompression */
  maxDecodedBytes: number;
}

/** A request body: decoded for parsing, and as received for the queue (compressed bodies stay small). */
export interface ReadBody {
  decoded: Buffer;
  stored: { encoding: string; bytes: Buffer };
}

// Closing the connection stops a client that is still sending a body we refused.
const closeHeaders = { connection: 'close' };
const zlibChunk = 64 * 1024;
// Up to this many compressed bytes a body is decoded in one call once complete; larger ones stream.
const oneShotMaxWireBytes = 256 * 1024;
// A synchronous decode may produce this much before it is handed to the thread pool.
const syncMaxOutputBytes = 4 * 1024 * 1024;

type Decode = (body: Buffer, options: ZlibOptions) => Buffer;
type DecodeAsync = (body: Buffer, options: ZlibOptions) => Promise<Buffer>;
const decoders: Record<'gzip' | 'deflate' | 'deflate-raw' | 'br', { sync: Decode; async: DecodeAsync }> = {
  gzip: { sync: gunzipSync, async: promisify(gunzip) },
  deflate: { sync: inflateSync, async: promisify(inflateCb) },
  'deflate-raw': { sync: inflateRawSync, async: promisify(inflateRaw) },
  br: { sync: brotliDecompressSync, async: promisify(brotliDecompress) },
};

function isTooLarge(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}

function tooLarge(what: string, limit: number): FaultlineError {
  return new FaultlineError('payload_too_large', `${what} exceeds ${limit} bytes`, closeHeaders);
}

/**
 * Reads a request body as a stream, checking the wire cap per chunk. Compressed bodies
 * up to 256 KiB (everything SDKs send) are decoded in one call once complete, larger
 * ones as a stream; either way output stops the moment it passes the decoded cap, so a
 * decompression bomb costs at most the cap in memory. After a refusal reading stops and
 * the connection is closed after the 413. Chunked transfer is decoded by Node already.
 */
export async function readBody(source: Readable | undefined, codec: BodyCodec, limits: BodyLimits): Promise<ReadBody> {
  if (source === undefined) return { decoded: Buffer.alloc(0), stored: { encoding: 'identity', bytes: Buffer.alloc(0) } };
  if (codec === 'identity') {
    const cap = Math.min(limits.maxWireBytes, limits.maxDecodedBytes);
    const bytes = await collect(source, cap, 'Request body');
    return { decoded: bytes, stored: { encoding: 'identity', bytes } };
  }
  if (codec === 'zstd') {
    const wire = await collect(source, limits.maxWireBytes, 'Compressed request body');
    return { decoded: await decodeZstd(wire, limits.maxDecodedBytes), stored: { encoding: 'zstd', bytes: wire } };
  }
  return inflate(source, codec, limits);
}

function collect(source: Readable, cap: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const detach = watch(source, {
      data(chunk) {
        total += chunk.length;
        if (total > cap) return finish(tooLarge(what, cap));
        chunks.push(chunk);
      },
      end: () => finish(null),
      error: (err) => finish(err),
    });
    function finish(err: Error | null): void {
      detach();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, total));
    }
  });
}

function inflate(source: Readable, codec: Exclude<BodyCodec, 'identity' | 'zstd'>, limits: BodyLimits): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const wire: Buffer[] = [];
    let wireBytes = 0;
    const out: Buffer[] = [];
    let outBytes = 0;
    let decoder: Transform | null = null;
    let storedEncoding: string = codec;
    let settled = false;
    const detach = watch(source, {
      data(chunk) {
        wireBytes += chunk.length;
        if (wireBytes > limits.maxWireBytes) return settle(tooLarge('Compressed request body', limits.maxWireBytes));
        wire.push(chunk);
        if (decoder !== null) {
          if (!decoder.write(chunk)) source.pause();
        } else if (wireBytes > oneShotMaxWireBytes && start().writableNeedDrain) source.pause();
      },
      end() {
        if (decoder !== null) decoder.end();
        else
          decodeWhole().then(
            (decoded) => settle(null, decoded),
            (err: Error) => settle(err),
          );
      },
      error: (err) => settle(err),
    });

    /**
     * Small bodies (what SDKs send) decode in one call. Synchronously first, with the
     * output capped at a few MiB: for a typical event that costs the event loop less than
     * the thread pool's stream machinery would, and the cap bounds how long it can block.
     * Only a body that inflates past it goes to the thread pool with the real limit.
     */
    async function decodeWhole(): Promise<Buffer> {
      const body = Buffer.concat(wire, wireBytes);
      const raw = codec === 'deflate' && !(body.length >= 2 && hasZlibHeader(body[0] as number, body[1] as number));
      if (raw) storedEncoding = 'deflate-raw';
      const decoder = decoders[raw ? 'deflate-raw' : codec];
      const limit = Math.min(limits.maxDecodedBytes, bufferConstants.MAX_LENGTH);
      try {
        try {
          return decoder.sync(body, { maxOutputLength: Math.min(limit, syncMaxOutputBytes) });
        } catch (err) {
          if (!isTooLarge(err) || limit <= syncMaxOutputBytes) throw err;
          return await decoder.async(body, { maxOutputLength: limit, chunkSize: zlibChunk });
        }
      } catch (err) {
        if (isTooLarge(err)) throw tooLarge('Envelope after decompression', limits.maxDecodedBytes);
        throw new FaultlineError('bad_request', `Request body is not valid ${codec} data`);
      }
    }

    /**
     * Switches a large body to streaming: the decoder gets what has arrived so far.
     * deflate bodies are zlib-wrapped by the standard but raw in some clients: the
     * first two bytes decide.
     */
    function start(): Transform {
      const head = Buffer.concat(wire, wireBytes);
      let d: Transform;
      if (codec === 'gzip') d = createGunzip({ chunkSize: zlibChunk });
      else if (codec === 'br') d = createBrotliDecompress({ chunkSize: zlibChunk });
      else {
        const zlib = hasZlibHeader(head[0] as number, head[1] as number);
        storedEncoding = zlib ? 'deflate' : 'deflate-raw';
        d = zlib ? createInflate({ chunkSize: zlibChunk }) : createInflateRaw({ chunkSize: zlibChunk });
      }
      decoder = d;
      d.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > limits.maxDecodedBytes) return settle(tooLarge('Envelope after decompression', limits.maxDecodedBytes));
        out.push(chunk);
      });
      d.on('drain', () => {
        if (!settled) source.resume();
      });
      d.on('end', () => settle(null, Buffer.concat(out, outBytes)));
      d.on('error', () => settle(new FaultlineError('bad_request', `Request body is not valid ${codec} data`)));
      d.write(head);
      return d;
    }

    function settle(err: Error | null, decoded?: Buffer): void {
      if (settled) return;
      settled = true;
      detach();
      if (err || decoded === undefined) {
        decoder?.destroy();
        reject(err ?? new Error('body decoding ended without output'));
        return;
      }
      resolve({ decoded, stored: { encoding: storedEncoding, bytes: Buffer.concat(wire, wireBytes) } });
    }
  });
}

interface Listeners {
  data(chunk: Buffer): void;
  end(): void;
  error(err: Error): void;
}

/**
 * Listens to a request stream; the returned detach stops reading (pauses, so the
 * socket applies backpressure until the reply closes the connection).
 */
function watch(source: Readable, on: Listeners): () => void {
  let ended = false;
  const onEnd = () => {
    ended = true;
    on.end();
  };
  const onError = () => on.error(new FaultlineError('bad_request', 'Request body could not be read'));
  const onClose = () => {
    if (!ended) onError();
  };
  source.on('data', on.data);
  source.on('end', onEnd);
  source.on('error', onError);
  source.on('close', onClose);
  return () => {
    source.off('data', on.data);
    source.off('end', onEnd);
    source.off('error', onError);
    source.off('close', onClose);
    if (!ended) source.pause();
  };
}
