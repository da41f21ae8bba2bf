import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compileGlob } from './glob.js';

const PATH = { path: true, ignoreCase: true };
const TEXT = { path: false, ignoreCase: false };
const TEXT_I = { path: false, ignoreCase: true };

test('path globs: * and ? within a segment, ** across, **/ also for none, \\ as /', () => {
  const cases: [string, string, boolean][] = [
    ['**/node_modules/**', '/app/node_modules/express/lib/router.js', true],
    ['**/node_modules/**', 'node_modules/x.js', true],
    ['**/node_modules/**', '/app/src/modules/x.js', false],
    ['**/vendor/foo/*.c', '/src/vendor/foo/a.c', true],
    ['**/vendor/foo/*.c', '/src/vendor/foo/bar/a.c', false],
    ['**/*.gen.c', 'foo.gen.c', true],
    ['**/*.gen.c', '/a/b/FOO.GEN.C', true],
    ['/app/?.js', '/app/x.js', true],
    ['/app/?.js', '/app//.js', false],
    ['node:**', 'node:internal/timers', true],
    ['**/lib/**', 'C:\\proj\\lib\\z.py', true],
    ['**/[abc]*.py', '/x/b_1.py', true],
    ['**/[!abc]*.py', '/x/b_1.py', false],
    ['**/[a-c]*.py', '/x/C.py', true],
    ['webpack:///(webpack)/**', 'webpack:///(webpack)/bootstrap', true],
  ];
  for (const [pattern, value, expected] of cases) assert.equal(compileGlob(pattern, PATH).test(value), expected, `${pattern} ~ ${value}`);
});

test('other globs: * is any run, case as configured, \\ escapes', () => {
  const cases: [string, { path: boolean; ignoreCase: boolean }, string, boolean][] = [
    ['handle_*', TEXT, 'handle_payment', true],
    ['handle_*', TEXT, 'Handle_payment', false],
    ['*timeout*', TEXT_I, 'Read TIMEOUT on /api/x', true],
    ['Failed to send *', TEXT_I, 'failed to send mail to a/b', true],
    ['app.payments.*', TEXT, 'app.payments.stripe.charge', true],
    ['std::*', TEXT, 'std::vector<int>::push_back', true],
    ['a\\*b', TEXT, 'a*b', true],
    ['a\\*b', TEXT, 'axb', false],
    ['[', TEXT, '[', true],
    ['*', TEXT, '', true],
    ['exact', TEXT, 'exact', true],
    ['exact', TEXT, 'exactly', false],
  ];
  for (const [pattern, options, value, expected] of cases) assert.equal(compileGlob(pattern, options).test(value), expected, `${pattern} ~ ${value}`);
});

test('long patterns (beyond the bit-parallel limit) match the same way', () => {
  const g = compileGlob('**/node_modules/regenerator-runtime/runtime/**', PATH);
  assert.equal(g.test('/app/node_modules/regenerator-runtime/runtime/x.js'), true);
  assert.equal(g.test('/app/node_modules/regenerator-runtime/other/x.js'), false);
});

test('matching time is linear: no catastrophic backtracking on crafted values', () => {
  const g = compileGlob('*a*a*a*a*a*a*a*a*b', TEXT);
  const started = performance.now();
  assert.equal(g.test('a'.repeat(20000)), false);
  assert.equal(compileGlob('**/**/**/**/**/x', PATH).test('/a'.repeat(10000)), false);
  assert.ok(performance.now() - started < 2000, 'glob matching took too long');
});

/** A backtracking regex with the documented semantics: a fine oracle for tiny inputs. */
function oracle(pattern: string, path: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      while (pattern[i + 1] === '*') i++;
      if (path && pattern[i + 1] === '/') {
        re += '(?:.*/)?';
        i++;
      } else re += '.*';
    } else if (c === '*') re += path ? '[^/]*' : '.*';
    else if (c === '?') re += path ? '[^/]' : '.';
    else re += c.replace(/[.\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

test('agrees with a regex oracle on random patterns, short and long (> 30 tokens)', () => {
  const alphabet = fc.constantFrom('a', 'b', '/', '.', '*', '?');
  const text = fc.constantFrom('a', 'b', '/', '.');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(text, { maxLength: 12 }), fc.boolean(), fc.boolean(), (p, v, path, long) => {
      const prefix = long ? 'ab'.repeat(16) : '';
      const pattern = prefix + p.join('');
      const value = prefix + v.join('');
      const expected = oracle(pattern, path).test(value);
      assert.equal(compileGlob(pattern, { path, ignoreCase: false }).test(value), expected, `${pattern} ~ ${value} (path: ${path})`);
    }),
    { numRuns: 3000 },
  );
});
