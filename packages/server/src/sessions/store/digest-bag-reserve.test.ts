// Growing, sizing and joining bags keeps every member and counts each once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DigestBag } from './digest-bag.js';

const member = (n: number) => Uint8Array.from([n & 0xff, 0, 0, 0, 0, 0, 0, n >> 8]);

describe('digest bag sizes', () => {
  it('keeps the members added before and after growing, from any starting capacity', () => {
    for (const capacity of [1, 3, 600]) {
      const bag = new DigestBag(capacity);
      for (let i = 0; i < 10; i++) bag.add(member(i), 0);
      bag.reserve(1000);
      for (let i = 5; i < 500; i++) bag.add(member(i), 0);
      assert.equal(bag.size, 505);
      assert.equal(bag.distinct(), 500);
    }
  });

  it('a union holds every member of its bags, even bags already counted (sorted in place)', () => {
    const a = new DigestBag(2);
    const b = new DigestBag(2);
    for (let i = 0; i < 300; i++) a.add(member(i), 0);
    for (let i = 200; i < 450; i++) b.add(member(i), 0);
    assert.equal(a.distinct(), 300);
    assert.equal(DigestBag.union([a, b]).distinct(), 450);
    assert.equal(DigestBag.union([]).distinct(), 0);
  });
});
