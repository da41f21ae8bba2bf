import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeFunction } from './frame-names.js';

const js = (raw: string) => normalizeFunction(raw, 'javascript', 'javascript');
const native = (raw: string) => normalizeFunction(raw, 'native', 'native');

test('V8 aliases and C++ const qualifiers go, also after long runs of blanks', () => {
  const blanks = ' \t'.repeat(4000);
  assert.equal(js('Layer.handle [as handle_request]'), 'handle');
  assert.equal(js(`Layer.handle${blanks}[as handle_request]`), 'handle');
  assert.equal(js(`a${blanks}b`), `a${blanks}b`);
  assert.equal(js(`a${blanks}[as b`), `a${blanks}[as b`);
  assert.equal(native('int ns::f<T>(a, b) const'), 'ns::f<T>');
  assert.equal(native(`ns::f(a)${blanks}const`), 'ns::f');
  assert.equal(native(`ns::f(a)${blanks}constant`), 'constant');
});

test('the anchored expressions remove what the unanchored ones removed', () => {
  const oldAlias = /\s*\[as [^\]]*\]$/;
  const newAlias = /(?<!\s)\s*\[as [^\]]*\]$/;
  const oldConst = /\s+const$/;
  const newConst = /(?<!\s)\s+const$/;
  const text = fc.array(fc.constantFrom(' ', '\t', 'a', '[', ']', '[as ', 'const', 'x'), { maxLength: 10 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(s.replace(newAlias, ''), s.replace(oldAlias, ''));
      assert.equal(s.replace(newConst, ''), s.replace(oldConst, ''));
    }),
    { numRuns: 2000 },
  );
});
