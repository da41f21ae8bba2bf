import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { compileTemplate, stampId } from './envelope-template.js';
import { ID_PLACEHOLDER } from './envelopes.js';
import { eventIdSequence } from './event-ids.js';
import { patchableGzip } from './patchable-gzip.js';

function spec(padding: number) {
  return {
    kind: 'error' as const,
    headers: { event_id: ID_PLACEHOLDER, sent_at: '2026-01-01T00:00:00.000Z' },
    items: [{ headers: { type: 'event' }, payload: JSON.stringify({ event_id: ID_PLACEHOLDER, extra: { pad: 'x'.repeat(padding) } }), withLength: false }],
    errorType: 0,
  };
}

function ids(body: Buffer): string[] {
  return [...body.toString('utf8').matchAll(/"event_id":"([0-9a-f]{32})"/g)].map((m) => m[1] ?? '');
}

describe('envelope templates', () => {
  it('stamps the id into both slots of an uncompressed envelope', () => {
    const t = compileTemplate(spec(100));
    assert.equal(t.encoding, 'identity');
    const id = Buffer.from('0123456789abcdef0123456789abcdef');
    assert.deepEqual(ids(stampId(t, id)), [id.toString(), id.toString()]);
  });

  it('stamps a gzip envelope without recompressing; the result gunzips with a valid CRC', () => {
    const t = compileTemplate(spec(40_000));
    assert.equal(t.encoding, 'gzip');
    for (const hex of ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210']) {
      const body = stampId(t, Buffer.from(hex));
      assert.deepEqual(ids(gunzipSync(body)), [hex, hex]); // gunzipSync checks the CRC-32 and length
    }
  });

  it('patches a copy and leaves the template bytes alone when asked to', () => {
    const t = compileTemplate(spec(40_000));
    const before = Buffer.from(t.wire);
    const body = stampId(t, Buffer.from('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), Buffer.from(t.wire));
    assert.deepEqual(t.wire, before);
    assert.deepEqual(ids(gunzipSync(body)), ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']);
  });

  it('keeps stored ranges verbatim in the compressed stream and still compresses the rest', () => {
    const plain = Buffer.from(`${'abc'.repeat(5000)}HOLE${'xyz'.repeat(5000)}`);
    const gz = patchableGzip(plain, [15_000], 4);
    assert.equal(gz.wire.subarray(gz.wireOffsets[0], (gz.wireOffsets[0] ?? 0) + 4).toString(), 'HOLE');
    assert.ok(gz.wire.length < plain.length / 20, `${gz.wire.length} bytes`);
    assert.deepEqual(gunzipSync(gz.wire), plain);
  });
});

describe('eventIdSequence', () => {
  it('issues distinct 32-hex ids under its prefix', () => {
    const seq = eventIdSequence('be4c00010002000000000001');
    const seen = new Set<string>();
    for (let i = 0; i < 70_000; i++) seen.add(seq.next().toString('latin1'));
    assert.equal(seen.size, 70_000);
    for (const id of seen) assert.match(id, /^be4c00010002000000000001[0-9a-f]{8}$/);
    assert.equal(seq.issued, 70_000);
  });

  it('rejects a prefix that would make invalid ids', () => {
    assert.throws(() => eventIdSequence('not-hex'), RangeError);
  });
});
