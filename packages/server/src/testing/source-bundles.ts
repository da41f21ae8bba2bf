// Source bundles in sentry-cli's format (docs/wire-format.md › Source bundles) built
// from files, and their upload through the real chunk store + assemble path.
import { strToU8, zipSync } from 'fflate';
import { type Artifacts, sha1Hex } from '../artifacts/index.js';

export interface BundleEntry {
  url: string;
  type: 'minified_source' | 'source' | 'source_map';
  content: string | Uint8Array;
  headers?: Record<string, string>;
}

/** `SYSB` + version 2 + a ZIP with manifest.json, as `sentry-cli sourcemaps upload` builds it. */
export function buildSourceBundle(entries: readonly BundleEntry[], meta: { release?: string; dist?: string; bundleId?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const manifest: Record<string, unknown> = {};
  entries.forEach((e, i) => {
    const path = `files/_/_/${i}-${e.url.replace(/[^\w.]/g, '_')}`;
    files[path] = typeof e.content === 'string' ? strToU8(e.content) : e.content;
    manifest[path] = { type: e.type, url: e.url, headers: e.headers ?? {} };
  });
  files['manifest.json'] = strToU8(
    JSON.stringify({ files: manifest, debug_id: meta.bundleId ?? null, release: meta.release, dist: meta.dist, org: 'x', project: 'y' }),
  );
  const zip = zipSync(files);
  const out = new Uint8Array(8 + zip.length);
  out.set(strToU8('SYSB'), 0);
  out.set([2, 0, 0, 0], 4);
  out.set(zip, 8);
  return out;
}

/** Stores the bundle as one chunk and assembles it; resolves when it is stored (or throws why not). */
export async function uploadBundle(
  artifacts: Artifacts,
  input: { orgId: number; projectIds: number[]; bundle: Uint8Array; release?: string | null; dist?: string | null },
): Promise<void> {
  const sha1 = sha1Hex(input.bundle);
  await artifacts.storeChunks(input.orgId, [{ sha1, data: input.bundle }]);
  const req = { orgId: input.orgId, checksum: sha1, chunks: [sha1], projectIds: input.projectIds, release: input.release ?? null, dist: input.dist ?? null };
  const first = await artifacts.assemble(req);
  if (first.state !== 'created' && first.state !== 'ok') throw new Error(`assemble answered ${JSON.stringify(first)}`);
  await artifacts.idle();
  const done = await artifacts.assemble(req);
  if (done.state !== 'ok') throw new Error(`assembly failed: ${JSON.stringify(done)}`);
}
