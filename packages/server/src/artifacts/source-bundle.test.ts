import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { capturedSourceBundle } from '../testing/index.js';
import { isSafeArchivePath, normalizeDebugId, parseSourceBundle } from './source-bundle.js';

const limits = { maxUnpackedBytes: 10 * 1024 * 1024, maxFiles: 100 };

function bundle(files: Record<string, Uint8Array>, manifest: unknown): Uint8Array {
  const zip = zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) });
  const out = new Uint8Array(8 + zip.length);
  out.set(strToU8('SYSB'), 0);
  out.set([2, 0, 0, 0], 4);
  out.set(zip, 8);
  return out;
}

/** A bundle whose first entry's deflate stream is garbage. */
function corrupted(): Uint8Array {
  const zip = bundle({ 'files/x.js': new Uint8Array(4096).fill(66) }, { files: {} });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameLength = view.getUint16(8 + 26, true);
  zip.fill(0xff, 8 + 30 + nameLength, 8 + 30 + nameLength + 8);
  return zip;
}

const debugId = 'e4a9f9ed-e6bc-5323-9265-0f38d2445754';
const goodManifest = {
  files: {
    'files/_/_/app.min.js': { type: 'minified_source', url: '~/app.min.js', headers: { 'debug-id': debugId, Sourcemap: 'app.min.js.map' } },
    'files/_/_/app.min.js.map': { type: 'source_map', url: '~/app.min.js.map', headers: { 'debug-id': debugId } },
  },
  debug_id: '5445C48F-DE1D-50CA-8753-2555A5600B97',
  release: 'myapp@1.2.3',
  dist: 'web',
};

describe('parseSourceBundle', () => {
  for (const dir of ['sentry-cli-2.58.6', 'sentry-cli-3.8.0'] as const) {
    it(`reads the bundle ${dir} uploaded (capture 008)`, () => {
      const r = parseSourceBundle(capturedSourceBundle(dir), limits);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.equal(r.bundle.release, 'myapp@1.2.3');
      assert.equal(r.bundle.dist, 'web');
      assert.match(r.bundle.bundleId ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-/);
      const byType = Object.fromEntries(r.bundle.files.map((f) => [f.type, f]));
      assert.equal(byType.minified_source?.url, '~/app.min.js');
      assert.equal(byType.minified_source?.headers.sourcemap, 'app.min.js.map');
      assert.equal(byType.source_map?.url, '~/app.min.js.map');
      assert.equal(byType.source_map?.debugId, byType.minified_source?.debugId);
      assert.match(Buffer.from(byType.source_map?.content ?? []).toString(), /"sourcesContent"/);
    });
  }

  it('normalizes ids and lower-cases header names', () => {
    const r = parseSourceBundle(bundle({ 'files/_/_/app.min.js': strToU8('x'), 'files/_/_/app.min.js.map': strToU8('{}') }, goodManifest), limits);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.equal(r.bundle.bundleId, '5445c48f-de1d-50ca-8753-2555a5600b97');
    assert.equal(r.bundle.files[0]?.headers.sourcemap, 'app.min.js.map');
  });

  it('refuses more files than allowed before inflating anything', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) files[`f${i}`] = strToU8('x');
    const r = parseSourceBundle(bundle(files, { files: {} }), { ...limits, maxFiles: 3 });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /more than 3 files/);
  });

  it('refuses a zip bomb by its declared size', () => {
    // 64 MiB of zeros deflate to ~64 KiB.
    const r = parseSourceBundle(bundle({ 'files/bomb.js': new Uint8Array(64 * 1024 * 1024) }, goodManifest), limits);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /unpacks to more than/);
  });

  it('stops inflating an entry that grows past the size its header declares', () => {
    const zip = bundle({ 'files/_/_/app.min.js': new Uint8Array(8 * 1024 * 1024).fill(65), 'files/_/_/app.min.js.map': strToU8('{}') }, goodManifest);
    // The first local header (right after SYSB + version): claim 10 bytes instead of 8 MiB.
    new DataView(zip.buffer, zip.byteOffset, zip.byteLength).setUint32(8 + 22, 10, true);
    const r = parseSourceBundle(zip, limits);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /inflates beyond the size its header declares/);
  });

  it('stops a lying bomb at the total limit even when every header claims little', () => {
    const zip = bundle({ 'files/bomb.js': new Uint8Array(64 * 1024 * 1024) }, goodManifest);
    new DataView(zip.buffer, zip.byteOffset, zip.byteLength).setUint32(8 + 22, 0xffffffff - 1, true);
    const started = Date.now();
    const r = parseSourceBundle(zip, { ...limits, maxUnpackedBytes: 5 * 1024 * 1024 });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /unpacks to more than/);
    // Bounded by the limit (plus one slice), not by the 64 MiB the entry really holds.
    assert.ok(Date.now() - started < 2000);
  });

  it('refuses manifest paths that could leave the archive', () => {
    for (const path of ['../etc/passwd', '/abs/x.js', 'a/../../x', 'a\\b.js', 'C:/x.js', 'a//b.js']) {
      const manifest = { files: { [path]: { type: 'source', url: '~/x.js' } } };
      const r = parseSourceBundle(bundle({ 'files/x.js': strToU8('x') }, manifest), limits);
      assert.equal(r.ok, false, path);
      if (!r.ok) assert.match(r.reason, /unsafe path/, path);
    }
  });

  it('explains what is wrong with broken uploads', () => {
    const cases: [Uint8Array, RegExp][] = [
      [strToU8('hello'), /neither a source bundle/],
      [bundle({}, 'not an object'), /not an object/],
      [bundle({}, { nofiles: 1 }), /no "files" object/],
      [bundle({}, { files: { 'files/x.js': { type: 'source', url: '~/x.js' } } }), /does not contain/],
      [bundle({ 'files/x.js': strToU8('x') }, { files: { 'files/x.js': { type: 'source', url: '' } } }), /no usable url/],
      [strToU8('SYSB\u0002\u0000\u0000\u0000PK garbage'), /no manifest\.json/],
      [corrupted(), /not a valid ZIP/],
    ];
    for (const [input, reason] of cases) {
      const r = parseSourceBundle(input, limits);
      assert.equal(r.ok, false, String(reason));
      if (!r.ok) assert.match(r.reason, reason);
    }
  });

  it('skips file types it does not resolve', () => {
    const manifest = { files: { 'files/x.bin': { type: 'il2cpp', url: '~/x.bin' }, 'files/x.js': { type: 'source', url: '~/x.js' } } };
    const r = parseSourceBundle(bundle({ 'files/x.bin': strToU8('b'), 'files/x.js': strToU8('s') }, manifest), limits);
    assert.ok(r.ok);
    assert.deepEqual(
      r.bundle.files.map((f) => f.url),
      ['~/x.js'],
    );
  });
});

describe('archive paths and debug ids', () => {
  it('accepts the paths sentry-cli writes', () => {
    assert.equal(isSafeArchivePath('files/_/_/app.min.js'), true);
    assert.equal(isSafeArchivePath('files/_/_/static/js/main.3f2a.js.map'), true);
  });

  it('normalizes debug ids from any case and hyphenation', () => {
    assert.equal(normalizeDebugId('E4A9F9EDE6BC532392650F38D2445754'), debugId);
    assert.equal(normalizeDebugId(debugId.toUpperCase()), debugId);
    assert.equal(normalizeDebugId('not-an-id'), null);
    assert.equal(normalizeDebugId(42), null);
  });
});
