import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A single-member gzip stream (like the Node SDK sends) in which chosen byte ranges of the
 * input are kept verbatim in deflate *stored* blocks, so the load generator can overwrite
 * an event id in the compressed bytes without recompressing: only the CRC-32 in the
 * trailer has to be recomputed. The text between the ranges is compressed by raw-deflate
 * runs ended with a sync flush (byte-aligned, not final), which RFC 1951 allows to be
 * concatenated; the last run ends the stream. Each run gets the 32 KiB of input before it as
 * its preset dictionary, so its back-references reach into earlier text as one-shot gzip's
 * would (the decoder's window holds that text: it is what it has output). In that
 * dictionary the patchable ranges are zero bytes, which JSON text never contains, so no
 * reference can copy an id that a send will have overwritten. Without it a span container
 * — its trace id in every span — compressed to half its size instead of a tenth.
 */
export interface PatchableGzip {
  readonly wire: Buffer;
  /** Where each range's first byte sits in `wire`, in the order of the input offsets. */
  readonly wireOffsets: readonly number[];
}

// RFC 1952 header: magic, deflate, no flags, mtime 0, no extra flags, OS = Unix (what zlib writes).
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);

function storedBlock(bytes: Buffer): Buffer {
  const len = bytes.length;
  if (len > 0xffff) throw new RangeError('a stored block holds at most 65535 bytes');
  // BFINAL=0, BTYPE=00 in the first 3 bits, padded to the byte boundary; then LEN, NLEN (little-endian).
  const header = Buffer.from([0x00, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff]);
  return Buffer.concat([header, bytes]);
}

/** Deflate's window: the farthest a back-reference reaches (RFC 1951 § 2). */
const WINDOW = 32 * 1024;

export function patchableGzip(plain: Buffer, offsets: readonly number[], width: number): PatchableGzip {
  const parts: Buffer[] = [GZIP_HEADER];
  let size = GZIP_HEADER.length;
  const wireOffsets: number[] = [];
  let cursor = 0;
  const masked = Buffer.from(plain);
  for (const offset of offsets) masked.fill(0, offset, offset + width);
  const before = (at: number) => (at === 0 ? {} : { dictionary: masked.subarray(Math.max(0, at - WINDOW), at) });
  for (const offset of offsets) {
    if (offset < cursor) throw new RangeError('offsets must be ascending and not overlap');
    if (offset > cursor) {
      const run = deflateRawSync(plain.subarray(cursor, offset), { finishFlush: constants.Z_SYNC_FLUSH, ...before(cursor) });
      parts.push(run);
      size += run.length;
    }
    const block = storedBlock(plain.subarray(offset, offset + width));
    wireOffsets.push(size + block.length - width);
    parts.push(block);
    size += block.length;
    cursor = offset + width;
  }
  parts.push(deflateRawSync(plain.subarray(cursor), before(cursor))); // Z_FINISH: the final block
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(plain), 0);
  trailer.writeUInt32LE(plain.length >>> 0, 4);
  parts.push(trailer);
  return { wire: Buffer.concat(parts), wireOffsets };
}

/** Recomputes the trailer's CRC-32 after `plain` (the uncompressed bytes) was patched. */
export function rewriteGzipCrc(wire: Buffer, plain: Buffer): void {
  wire.writeUInt32LE(crc32(plain), wire.length - 8);
}
