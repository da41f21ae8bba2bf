import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyBag, copyObjectBag } from './copy-bag.js';
import { Notes } from './processing-notes.js';

const LIMITS = { maxDepth: 3, maxString: 10, maxSize: 200 };

describe('copyBag', () => {
  it('copies JSON without sharing structure', () => {
    const input = { a: [1, { b: 'x' }], c: null, d: true };
    const copy = copyBag(input, LIMITS, new Notes(), 'extra');
    assert.deepEqual(copy, input);
    assert.notEqual(copy, input);
    assert.notEqual((copy as { a: unknown[] }).a, input.a);
  });

  it('cuts strings, replaces deep containers and notes each kind once', () => {
    const notes = new Notes();
    const copy = copyBag({ s: 'abcdefghijklmnop', t: 'qrstuvwxyz12', deep: { a: { b: { c: 1 } }, l: [[1]] } }, LIMITS, notes, 'extra');
    assert.deepEqual(copy, { s: 'abcdefg...', t: 'qrstuvw...', deep: { a: { b: '[Object]' }, l: ['[Array]'] } });
    assert.deepEqual(notes.finish(), [
      { type: 'trimmed', path: 'extra', detail: '2 string(s) cut to 10 characters' },
      { type: 'trimmed', path: 'extra', detail: '2 value(s) nested deeper than 3 levels replaced' },
    ]);
  });

  it('drops entries beyond the size budget', () => {
    const notes = new Notes();
    const big = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, 'valuevalue']));
    const copy = copyBag(big, LIMITS, notes, 'extra') as Record<string, unknown>;
    const kept = Object.keys(copy).length;
    assert.ok(kept > 5 && kept < 20, `kept ${kept}`);
    assert.deepEqual(notes.finish(), [{ type: 'trimmed', path: 'extra', detail: `${100 - kept} value(s) dropped beyond the 0 KiB size limit` }]);
  });

  it('removes values JSON cannot hold', () => {
    const notes = new Notes();
    assert.deepEqual(copyBag({ a: Number.NaN, b: undefined, c: () => 1, d: 1 }, LIMITS, notes, 'x'), { d: 1 });
    assert.deepEqual(notes.finish(), [{ type: 'invalid', path: 'x', detail: '3 non-JSON value(s) removed' }]);
  });

  it('copyObjectBag rejects non-objects with a note and ignores null', () => {
    const notes = new Notes();
    assert.equal(copyObjectBag([1], LIMITS, notes, 'extra'), undefined);
    assert.equal(copyObjectBag(null, LIMITS, notes, 'extra'), undefined);
    assert.deepEqual(notes.finish(), [{ type: 'invalid', path: 'extra', detail: 'expected an object, got array' }]);
  });

  it('never splits a surrogate pair when cutting', () => {
    const copy = copyBag('abcdef😀xyz', LIMITS, new Notes(), 's') as string;
    assert.equal(copy, 'abcdef...');
    const at = copyBag('abcde😀xyzw', { ...LIMITS, maxString: 9 }, new Notes(), 's') as string;
    assert.equal(at, 'abcde...');
  });
});
