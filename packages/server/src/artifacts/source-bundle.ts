import { strFromU8, Unzip, UnzipInflate } from 'fflate';

/**
 * Reads what `sentry-cli sourcemaps upload` assembles (docs/wire-format.md › Source bundles): `SYSB` + u32 version
 * + a ZIP whose `manifest.json` says what each file is. A plain ZIP with the same manifest
 * (the 2.x release bundle) is accepted too. The ZIP is read with fflate's streaming Unzip fed
 * in small slices, so every entry is checked while it inflates: more files than allowed, or
 * more bytes than declared or than the total allowed, stops the reading at once. A zip bomb
 * costs at most one slice's worth of inflating beyond the limits, whatever its headers claim.
 */
export interface BundleLimits {
  maxUnpackedBytes: number;
  maxFiles: number;
}

export interface BundleFile {
  /** the path inside the archive (validated, never used on a filesystem) */
  path: string;
  type: ArtifactType;
  url: string;
  debugId: string | null;
  /** lower-case keys */
  headers: Record<string, string>;
  content: Uint8Array;
}

export interface ParsedBundle {
  /** the manifest's own `debug_id` */
  bundleId: string | null;
  release: string | null;
  dist: string | null;
  files: BundleFile[];
}

export type BundleParse = { ok: true; bundle: ParsedBundle } | { ok: false; reason: string };

export const ARTIFACT_TYPES = ['minified_source', 'source', 'source_map', 'indexed_ram_bundle'] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

const MAX_URL = 4096;
const MAX_PATH = 1024;

/** Hyphenated lower-case UUID, or null when `value` is not a debug id. */
export function normalizeDebugId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const hex = value.trim().toLowerCase().replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A manifest path that could name something outside the archive is refused, not cleaned. */
export function isSafeArchivePath(path: string): boolean {
  if (path.length === 0 || path.length > MAX_PATH) return false;
  if (path.startsWith('/') || path.includes('\\') || path.includes('\u0000') || /^[a-z]:/i.test(path)) return false;
  return path.split('/').every((seg) => seg !== '..' && seg !== '.' && seg !== '');
}

/** The ZIP inside the upload: after the 8-byte header of a source bundle, or the whole file. */
function zipPart(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length >= 8 && strFromU8(bytes.subarray(0, 4), true) === 'SYSB') return bytes.subarray(8);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return bytes;
  return null;
}

// Compressed bytes handed to the inflater per step: at most ~64 MiB of output before a check.
const SLICE = 64 * 1024;

/** Every file of the archive, or the first limit it broke. */
function unzipBounded(zip: Uint8Array, limits: BundleLimits): { ok: true; entries: Map<string, Uint8Array> } | { ok: false; reason: string } {
  const entries = new Map<string, Uint8Array>();
  let failure: string | null = null;
  let files = 0;
  let unpacked = 0;
  const unzip = new Unzip((file) => {
    if (failure !== null || file.name.endsWith('/')) return;
    files += 1;
    if (files > limits.maxFiles) {
      failure = `the bundle has more than ${limits.maxFiles} files`;
      return;
    }
    const declared = file.originalSize ?? Number.POSITIVE_INFINITY;
    // An honest header of a too-large bundle is refused before anything inflates.
    if (Number.isFinite(declared) && unpacked + declared > limits.maxUnpackedBytes) {
      failure = `the bundle unpacks to more than ${limits.maxUnpackedBytes} bytes`;
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure !== null) return;
      if (err) {
        failure = `not a valid ZIP archive (${err.message})`;
        return;
      }
      size += chunk.length;
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes) failure = `the bundle unpacks to more than ${limits.maxUnpackedBytes} bytes`;
      else if (size > declared) failure = `${file.name} inflates beyond the size its header declares`;
      if (failure !== null) {
        file.terminate();
        return;
      }
      parts.push(chunk);
      if (final) entries.set(file.name, parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && failure === null; at += SLICE) unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
  } catch (err) {
    failure ??= `not a valid ZIP archive (${err instanceof Error ? err.message : String(err)})`;
  }
  return failure === null ? { ok: true, entries } : { ok: false, reason: failure };
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

const optionalString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function parseSourceBundle(bytes: Uint8Array, limits: BundleLimits): BundleParse {
  const zip = zipPart(bytes);
  if (!zip) return { ok: false, reason: 'the upload is neither a source bundle (SYSB) nor a ZIP archive' };
  const unzipped = unzipBounded(zip, limits);
  if (!unzipped.ok) return unzipped;
  const entries = unzipped.entries;
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) return { ok: false, reason: 'the bundle has no manifest.json' };
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return { ok: false, reason: 'manifest.json is not valid JSON' };
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return { ok: false, reason: 'manifest.json is not an object' };
  const m = manifest as Record<string, unknown>;
  const listed = m.files;
  if (listed === null || typeof listed !== 'object' || Array.isArray(listed)) return { ok: false, reason: 'manifest.json has no "files" object' };
  const files: BundleFile[] = [];
  for (const [path, raw] of Object.entries(listed as Record<string, unknown>)) {
    if (!isSafeArchivePath(path)) return { ok: false, reason: `manifest.json names an unsafe path: ${JSON.stringify(path.slice(0, 200))}` };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: `manifest entry ${path} is not an object` };
    const info = raw as Record<string, unknown>;
    const type = info.type;
    // Types this server does not resolve (a future sentry-cli may add some) are skipped, not fatal.
    if (typeof type !== 'string' || !(ARTIFACT_TYPES as readonly string[]).includes(type)) continue;
    const url = info.url;
    if (typeof url !== 'string' || url === '' || url.length > MAX_URL) return { ok: false, reason: `manifest entry ${path} has no usable url` };
    const content = entries.get(path);
    if (!content) return { ok: false, reason: `manifest.json names ${path}, which the archive does not contain` };
    const headers = stringRecord(info.headers);
    files.push({ path, type: type as ArtifactType, url, debugId: normalizeDebugId(headers['debug-id'] ?? headers.debug_id), headers, content });
  }
  return {
    ok: true,
    bundle: { bundleId: normalizeDebugId(m.debug_id), release: optionalString(m.release), dist: optionalString(m.dist), files },
  };
}
