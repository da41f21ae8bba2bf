import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeChunk, sha1Hex } from './chunks.js';

const chunkSize = 1024;

describe('decodeChunk (chunked upload, docs/wire-format.md)', () => {
  it('gunzips file_gzip parts and checks the name is the SHA-1 of the uncompressed chunk', async () => {
    const data = Buffer.from('chunk content '.repeat(20));
    const r = await decodeChunk('file_gzip', sha1Hex(data), gzipSync(data), chunkSize);
    assert.ok(r.ok);
    assert.equal(r.sha1, sha1Hex(data));
    assert.deepEqual(Buffer.from(r.data), data);
  });

  it('accepts uncompressed file parts', async () => {
    const data = Buffer.from('plain');
    const r = await decodeChunk('file', sha1Hex(data).toUpperCase(), data, chunkSize);
    assert.ok(r.ok);
  });

  it('refuses a chunk whose content does not match its name', async () => {
    const r = await decodeChunk('file_gzip', sha1Hex(Buffer.from('other')), gzipSync(Buffer.from('data')), chunkSize);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /checksum mismatch/);
  });

  it('stops inflating at the chunk size (a small gzip bomb costs nothing)', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    assert.ok(bomb.length < 100 * 1024);
    const r = await decodeChunk('file_gzip', sha1Hex(Buffer.alloc(50 * 1024 * 1024)), bomb, chunkSize);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'Chunk size too large');
  });

  it('names what is wrong with other parts', async () => {
    const cases: [string, string | undefined, Buffer, RegExp][] = [
      ['file_gzip', 'not-a-sha', Buffer.from('x'), /filename must be the SHA-1/],
      ['file_gzip', sha1Hex(Buffer.from('x')), Buffer.from('not gzip'), /not valid gzip/],
      ['file', sha1Hex(Buffer.alloc(2000)), Buffer.alloc(2000), /Chunk size too large/],
      ['other', sha1Hex(Buffer.from('x')), Buffer.from('x'), /Unexpected form field/],
    ];
    for (const [field, name, body, reason] of cases) {
      const r = await decodeChunk(field, name, body, chunkSize);
      assert.equal(r.ok, false, String(reason));
      if (!r.ok) assert.match(r.reason, reason);
    }
  });
});
