// DigestBag counts exactly what a Set of the digests' hex texts counts, whatever the repetition.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DigestBag } from './digest-bag.js';

describe('digest bag', () => {
  it('counts distinct 8-byte members exactly, across growth and repeated calls', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 300 }), fc.integer({ min: 0, max: 3 }), (digests, repeats) => {
        const bag = new DigestBag();
        const seen = new Set<string>();
        for (let r = 0; r <= repeats; r++) {
          for (const d of digests) {
            // Members arrive at an offset inside a larger buffer, as packed days hold them.
            const framed = new Uint8Array(9);
            framed.set(d, 1);
            bag.add(framed, 1);
            seen.add(Buffer.from(d).toString('hex'));
          }
          assert.equal(bag.distinct(), seen.size);
        }
      }),
    );
  });

  it('tells apart digests that differ only in their first or last byte', () => {
    const bag = new DigestBag();
    const a = new Uint8Array(8);
    const b = new Uint8Array(8);
    b[0] = 1;
    const c = new Uint8Array(8);
    c[7] = 1;
    for (const d of [a, b, c, a]) bag.add(d, 0);
    assert.equal(bag.distinct(), 3);
  });
});
