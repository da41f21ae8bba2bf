// The replay_recording parser on hostile input: any bytes give a typed result (never a throw),
// valid segments round-trip raw or zlib, inflating stops at the limit (a zlib bomb is refused,
// not inflated), nesting is bounded before JSON.parse, and time grows linearly with size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { MAX_SEGMENT_ID, parseRecording } from './recording-parser.js';

const segment = (id: unknown, body: Uint8Array) => Buffer.concat([Buffer.from(`${JSON.stringify({ segment_id: id })}\n`), body]);

test('any bytes: a result with a reason, never a throw', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const r = parseRecording(bytes, 1 << 20);
      assert.ok(r.ok || (typeof r.reason === 'string' && r.reason.length > 0));
    }),
    { numRuns: 2000 },
  );
});

test('a header line followed by any bytes, raw or deflated: never a throw', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)), fc.uint8Array({ maxLength: 500 }), fc.boolean(), (id, body, zip) => {
      const r = parseRecording(segment(id, zip ? deflateSync(body) : body), 1 << 20);
      if (r.ok) assert.ok(Number.isInteger(r.recording.segmentId) && r.recording.segmentId >= 0 && r.recording.segmentId <= MAX_SEGMENT_ID);
    }),
    { numRuns: 1000 },
  );
});

test('valid segments round-trip, raw or zlib, and only zlib ones keep their bytes', () => {
  fc.assert(
    fc.property(fc.nat({ max: MAX_SEGMENT_ID }), fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 20 }), fc.boolean(), (id, events, zip) => {
      const json = Buffer.from(JSON.stringify(events));
      const body = zip ? deflateSync(json) : json;
      const r = parseRecording(segment(id, body), 1 << 20);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.equal(r.recording.segmentId, id);
      assert.deepEqual(r.recording.events, JSON.parse(json.toString()));
      assert.equal(r.recording.zlib === null, !zip);
    }),
    { numRuns: 500 },
  );
});

test('a zlib bomb stops at the limit; deep nesting is refused before JSON.parse', () => {
  const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
  assert.ok(bomb.length < 100_000);
  const started = performance.now();
  assert.deepEqual(parseRecording(segment(0, bomb), 1 << 20), { ok: false, reason: 'recording_too_large' });
  assert.ok(performance.now() - started < 1000, 'inflating stopped early');
  const deep = Buffer.from('['.repeat(200_000));
  assert.deepEqual(parseRecording(segment(0, deep), 1 << 20), { ok: false, reason: 'invalid_recording_json' });
  assert.deepEqual(parseRecording(segment(-1, Buffer.from('[]')), 1 << 20), { ok: false, reason: 'invalid_segment_id' });
  assert.deepEqual(parseRecording(segment(MAX_SEGMENT_ID + 1, Buffer.from('[]')), 1 << 20), { ok: false, reason: 'invalid_segment_id' });
  assert.deepEqual(parseRecording(Buffer.from('x'.repeat(5000)), 1 << 20), { ok: false, reason: 'missing_segment_header' });
});

test('time is linear in the recording size', () => {
  const events = (n: number) =>
    Buffer.from(JSON.stringify(Array.from({ length: n }, (_, i) => ({ type: 3, timestamp: i, data: { source: 5, id: i, text: `value ${i}` } }))));
  const once = (body: Buffer) => {
    const started = performance.now();
    assert.ok(parseRecording(segment(0, body), 1 << 28).ok);
    return performance.now() - started;
  };
  const smallBody = deflateSync(events(10_000));
  const largeBody = deflateSync(events(160_000));
  once(smallBody);
  // Interleaved, fastest of each: a shared machine's pauses only ever add time.
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    small = Math.min(small, once(smallBody));
    large = Math.min(large, once(largeBody));
  }
  // 16× the input: linear is ~16×, quadratic ~256×.
  assert.ok(large / small < 64, `10k events ${small.toFixed(1)} ms, 160k events ${large.toFixed(1)} ms`);
});
