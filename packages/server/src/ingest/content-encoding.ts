import { fail } from '../kernel/index.js';

/** How a request body is encoded; `deflate` becomes `deflate-raw` once the body shows no zlib header. */
export type BodyCodec = 'identity' | 'gzip' | 'deflate' | 'br' | 'zstd';

const aliases: Record<string, BodyCodec> = {
  '': 'identity',
  identity: 'identity',
  gzip: 'gzip',
  'x-gzip': 'gzip',
  deflate: 'deflate',
  br: 'br',
  zstd: 'zstd',
};

/**
 * Reads `Content-Encoding` (docs/wire-format.md › Content encodings). SDKs send one coding; a stacked list
 * (`gzip, br`) is legal HTTP but unused, so only one non-identity coding is accepted.
 * Unknown codings are answered 415.
 */
export function parseContentEncoding(header: string | string[] | undefined): BodyCodec {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const codings = raw
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return 'identity';
  if (codings.length > 1) fail('unsupported_media_type', `Stacked Content-Encoding "${raw}" is not supported; send one of gzip, deflate, br, zstd`);
  const codec = aliases[codings[0] as string];
  if (codec === undefined) fail('unsupported_media_type', `Unsupported Content-Encoding "${raw}"; use gzip, deflate, br or zstd`);
  return codec;
}

/** RFC 1950: CM = 8 and the header checksum holds. Without it, `deflate` bodies are raw deflate. */
export function hasZlibHeader(first: number, second: number): boolean {
  return (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
}
