// Test support (not a test): hand-built zstd frames (RFC 8878). Node 20 cannot compress zstd
// and fzstd only decompresses, so tests write raw and RLE blocks themselves.

const magic = [0x28, 0xb5, 0x2f, 0xfd];
const maxBlock = 128 * 1024;

function blockHeader(last: boolean, type: 0 | 1, size: number): Buffer {
  const h = (last ? 1 : 0) | (type << 1) | (size << 3);
  return Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]);
}

/** A single-segment frame declaring its content size, content in raw blocks. */
export function zstdFrame(content: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(content.length);
  const parts: Buffer[] = [Buffer.from([...magic, 0xa0]), size];
  let pos = 0;
  do {
    const part = content.subarray(pos, pos + maxBlock);
    pos += part.length;
    parts.push(blockHeader(pos >= content.length, 0, part.length), part);
  } while (pos < content.length);
  return Buffer.concat(parts);
}

/** A frame without a content size whose RLE blocks expand 4 bytes into 128 KiB each: a zstd bomb. */
export function zstdRleBomb(expandedBytes: number): Buffer {
  const blocks = Math.ceil(expandedBytes / maxBlock);
  // Window descriptor 0x38: 2^17 = 128 KiB window.
  const parts: Buffer[] = [Buffer.from([...magic, 0x00, 0x38])];
  for (let i = 0; i < blocks; i++) parts.push(blockHeader(i === blocks - 1, 1, maxBlock), Buffer.from([0x41]));
  return Buffer.concat(parts);
}

/** A frame whose header asks for a 2 GiB window (fzstd would allocate it before decoding anything). */
export function zstdHugeWindow(): Buffer {
  return Buffer.concat([Buffer.from([...magic, 0x00, 0xa8]), blockHeader(true, 0, 2), Buffer.from('{}')]);
}
