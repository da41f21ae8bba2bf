import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeSketch, encodeSketch, mergeEncodedSketch, newSketch, quantileOf, SketchAccumulator } from './sketch.js';

describe('stored sketches', () => {
  it('round-trip: counts and every quantile as before, merge still works', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 600_000, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const sketch = newSketch();
        for (const v of values) sketch.accept(v);
        const copy = decodeSketch(encodeSketch(sketch));
        assert.equal(copy.count, sketch.count);
        for (const q of [0, 0.5, 0.75, 0.95, 0.99, 1]) assert.equal(quantileOf(copy, q), quantileOf(sketch, q));
        const merged = newSketch();
        merged.merge(copy);
        merged.merge(decodeSketch(encodeSketch(sketch)));
        assert.equal(merged.count, 2 * values.length);
      }),
      { numRuns: 300 },
    );
  });

  it('an accumulator writes the bytes of a DDSketch that accepted the same values (zeros and negatives included)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1000, max: 600_000, noNaN: true }), fc.constant(0)), { maxLength: 200 }), (values) => {
        const sketch = newSketch();
        const accumulator = new SketchAccumulator();
        for (const v of values) {
          sketch.accept(v);
          accumulator.accept(v);
        }
        assert.deepEqual(accumulator.encode(), encodeSketch(sketch));
      }),
      { numRuns: 300 },
    );
  });

  it('merging stored bytes into a sketch equals merging the decoded sketch', () => {
    // Durations are never negative; sketches-js's own merge ignores negative bins altogether.
    const values = fc.array(fc.oneof(fc.double({ min: 0, max: 600_000, noNaN: true }), fc.constant(0)), { maxLength: 100 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const stored = newSketch();
        for (const v of b) stored.accept(v);
        const direct = newSketch();
        const decoded = newSketch();
        for (const v of a) {
          direct.accept(v);
          decoded.accept(v);
        }
        mergeEncodedSketch(direct, encodeSketch(stored));
        decoded.merge(decodeSketch(encodeSketch(stored)));
        assert.equal(direct.count, decoded.count);
        assert.deepEqual(encodeSketch(direct), encodeSketch(decoded));
        for (const q of [0, 0.5, 0.95, 1]) assert.equal(quantileOf(direct, q), quantileOf(decoded, q));
      }),
      { numRuns: 200 },
    );
  });

  it('stays within 1% of the exact quantile, and small', () => {
    const sketch = newSketch();
    const values = Array.from({ length: 1000 }, (_, i) => 5 + i * 1.7);
    for (const v of values) sketch.accept(v);
    const exact = values[Math.floor(0.95 * 999)] as number;
    const p95 = quantileOf(decodeSketch(encodeSketch(sketch)), 0.95) as number;
    assert.ok(Math.abs(p95 - exact) <= exact * 0.01, `${p95} vs ${exact}`);
    const one = newSketch();
    one.accept(42);
    assert.ok(encodeSketch(one).length <= 8, `a one-value sketch takes ${encodeSketch(one).length} bytes`);
    assert.equal(quantileOf(decodeSketch(encodeSketch(newSketch())), 0.5), null);
  });

  it('refuses bytes it did not write', () => {
    assert.throws(() => decodeSketch(Uint8Array.from([9])), /not known/);
    assert.throws(() => decodeSketch(Uint8Array.from([1, 0, 5])), /truncated/);
  });
});
