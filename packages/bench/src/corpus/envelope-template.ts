import { serializeEnvelope } from '@faultline/protocol';
import { type EnvelopeKind, type EnvelopeSpec, ID_PLACEHOLDER } from './envelopes.js';
import { patchableGzip, rewriteGzipCrc } from './patchable-gzip.js';

/**
 * The Node SDK's transport gzips a body over 32 KiB and sends smaller ones as is (docs/wire-format.md › Content
 * encodings).
 */
export const GZIP_THRESHOLD_BYTES = 32 * 1024;
export const ID_WIDTH = 32;

/**
 * An envelope ready to send many times: the bytes on the wire plus the offsets of its
 * 32-hex id slots, so a send costs a few byte writes (and a CRC for gzip) instead of a
 * JSON.stringify of 16 KB.
 */
export interface EnvelopeTemplate {
  readonly kind: EnvelopeKind;
  readonly encoding: 'identity' | 'gzip';
  readonly wire: Buffer;
  readonly wireIdOffsets: readonly number[];
  /** Uncompressed bytes, kept for gzip templates only: the CRC-32 is over them. */
  readonly plain: Buffer | null;
  readonly plainIdOffsets: readonly number[];
  readonly plainBytes: number;
  readonly errorType: number | null;
}

function findAll(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

export function compileTemplate(spec: EnvelopeSpec): EnvelopeTemplate {
  const bytes = serializeEnvelope(spec.headers, spec.items);
  const plain = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = findAll(plain, Buffer.from(ID_PLACEHOLDER, 'latin1'));
  const expected = spec.kind === 'session' ? 1 : 2;
  if (spec.idSlots === 'trace' ? offsets.length === 0 : offsets.length !== expected) {
    throw new Error(`${spec.kind} envelope has ${offsets.length} id slots, expected ${spec.idSlots === 'trace' ? 'at least one' : expected}`);
  }
  const common = { kind: spec.kind, plainIdOffsets: offsets, plainBytes: plain.length, errorType: spec.errorType };
  if (plain.length <= GZIP_THRESHOLD_BYTES) return { ...common, encoding: 'identity', wire: plain, wireIdOffsets: offsets, plain: null };
  const gz = patchableGzip(plain, offsets, ID_WIDTH);
  return { ...common, encoding: 'gzip', wire: gz.wire, wireIdOffsets: gz.wireOffsets, plain };
}

/**
 * Writes `id` (32 ASCII hex bytes) into every slot and returns the body to send. `out` is
 * `template.wire` (patched in place) or a copy of it when the template is still being
 * written to a socket by an earlier request. `plain` is always patched in place: it is
 * only read here, synchronously, for the CRC.
 */
export function stampId(template: EnvelopeTemplate, id: Buffer, out: Buffer = template.wire): Buffer {
  for (const at of template.wireIdOffsets) id.copy(out, at);
  if (template.plain !== null) {
    for (const at of template.plainIdOffsets) id.copy(template.plain, at);
    rewriteGzipCrc(out, template.plain);
  }
  return out;
}
