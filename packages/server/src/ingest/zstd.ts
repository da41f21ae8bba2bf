import { setImmediate as nextTurn } from 'node:timers/promises';
import { Decompress } from 'fzstd';
import { fail } from '../kernel/index.js';

const MAGIC = 0xfd2fb528;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE = 0x184d2a50;
const tooLargeHeaders = { connection: 'close' };

/**
 * Walks every zstd frame header and block header without decoding (RFC 8878 §3.1).
 * fzstd allocates a frame's whole window up front, and a header may claim up to 2 GiB:
 * refusing large windows and oversized declared content here keeps memory bounded.
 */
export function checkZstdFrames(body: Uint8Array, maxDecodedBytes: number, maxWindowBytes: number): void {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let pos = 0;
  let declared = 0;
  const need = (n: number) => {
    if (pos + n > body.length) fail('bad_request', 'invalid zstd body: truncated frame');
  };
  if (body.length === 0) fail('bad_request', 'invalid zstd body: empty');
  while (pos < body.length) {
    need(4);
    const magic = view.getUint32(pos, true);
    pos += 4;
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE) {
      need(4);
      const size = view.getUint32(pos, true);
      pos += 4;
      need(size);
      pos += size;
      continue;
    }
    if (magic !== MAGIC) fail('bad_request', 'invalid zstd body: bad frame magic');
    need(1);
    const fhd = body[pos++] as number;
    if (fhd & 0x08) fail('bad_request', 'invalid zstd body: reserved bit set');
    const singleSegment = (fhd >> 5) & 1;
    const checksum = (fhd >> 2) & 1;
    const dictBytes = [0, 1, 2, 4][fhd & 3] as number;
    const fcsFlag = fhd >> 6;
    const fcsBytes = fcsFlag === 0 ? singleSegment : 1 << fcsFlag;
    let window = 0;
    if (!singleSegment) {
      need(1);
      const wd = body[pos++] as number;
      const base = 2 ** (10 + (wd >> 3));
      window = base + (base / 8) * (wd & 7);
    }
    need(dictBytes + fcsBytes);
    pos += dictBytes;
    let contentSize = -1;
    if (fcsBytes === 1) contentSize = body[pos] as number;
    else if (fcsBytes === 2) contentSize = view.getUint16(pos, true) + 256;
    else if (fcsBytes === 4) contentSize = view.getUint32(pos, true);
    else if (fcsBytes === 8) contentSize = view.getUint32(pos, true) + view.getUint32(pos + 4, true) * 2 ** 32;
    pos += fcsBytes;
    if (singleSegment) window = contentSize;
    if (contentSize >= 0) declared += contentSize;
    if (declared > maxDecodedBytes) fail('payload_too_large', `Envelope exceeds ${maxDecodedBytes} bytes after decompression`, tooLargeHeaders);
    if (window > maxWindowBytes) fail('payload_too_large', `zstd window of ${window} bytes exceeds ${maxWindowBytes}`, tooLargeHeaders);
    for (;;) {
      need(3);
      const header = (body[pos] as number) | ((body[pos + 1] as number) << 8) | ((body[pos + 2] as number) << 16);
      pos += 3;
      const last = header & 1;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) fail('bad_request', 'invalid zstd body: reserved block type');
      const stored = type === 1 ? 1 : size;
      need(stored);
      pos += stored;
      if (last) break;
    }
    if (checksum) {
      need(4);
      pos += 4;
    }
  }
}

class CapExceeded extends Error {}

/**
 * Decodes a checked zstd body with fzstd's streaming decoder (Node 20's zlib has no
 * zstd), stopping as soon as the output passes the cap. fzstd is synchronous JavaScript,
 * so input goes in small slices and the event loop gets a turn between them.
 */
export async function decodeZstd(body: Uint8Array, maxDecodedBytes: number): Promise<Buffer> {
  checkZstdFrames(body, maxDecodedBytes, Math.min(maxDecodedBytes, 32 * 1024 * 1024) + 1024);
  const out: Buffer[] = [];
  let total = 0;
  const decoder = new Decompress((chunk) => {
    total += chunk.length;
    if (total > maxDecodedBytes) throw new CapExceeded();
    out.push(Buffer.from(chunk));
  });
  const slice = 64 * 1024;
  try {
    for (let pos = 0; pos < body.length; pos += slice) {
      const end = Math.min(pos + slice, body.length);
      decoder.push(body.subarray(pos, end), end === body.length);
      if (end < body.length && (pos / slice) % 16 === 15) await nextTurn();
    }
  } catch (err) {
    if (err instanceof CapExceeded) fail('payload_too_large', `Envelope exceeds ${maxDecodedBytes} bytes after decompression`, tooLargeHeaders);
    fail('bad_request', 'invalid zstd body');
  }
  return Buffer.concat(out, total);
}
