import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compileGlob, type GlobOptions, isValidGlob } from './glob.js';

// The options each caller passes (rule-matchers.ts, pattern-filters.ts, match-filters.ts).
const PATH_I: GlobOptions = { path: true, classes: true, caseFolding: 'lower', reversedRange: 'empty' };
const TEXT: GlobOptions = { path: false, classes: true, caseFolding: 'none', reversedRange: 'empty' };
const TEXT_I: GlobOptions = { path: false, classes: true, caseFolding: 'lower', reversedRange: 'empty' };
const FILTER: GlobOptions = { classes: true, caseFolding: 'regexp', reversedRange: 'literal' };
const TAG: GlobOptions = { classes: false, caseFolding: 'none' };

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
  for (const [pattern, value, expected] of cases) assert.equal(compileGlob(pattern, PATH_I).test(value), expected, `${pattern} ~ ${value}`);
});

test('other globs: * is any run, case as configured, \\ escapes, a reversed range matches nothing', () => {
  const cases: [string, GlobOptions, string, boolean][] = [
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
    ['[z-a]x', TEXT, 'zx', false],
    ['[z-ab]x', TEXT, 'bx', true],
  ];
  for (const [pattern, options, value, expected] of cases) assert.equal(compileGlob(pattern, options).test(value), expected, `${pattern} ~ ${value}`);
});

test('tag filter globs: only * and ? are special', () => {
  const cases: [string, string, boolean][] = [
    ['[ab]', '[ab]', true],
    ['[ab]', 'a', false],
    ['a\\*', 'a\\xyz', true],
    ['a\\*', 'a*', false],
    ['Chrome ?2*', 'Chrome 120', true],
    ['chrome *', 'Chrome 120', false],
  ];
  for (const [pattern, value, expected] of cases) assert.equal(compileGlob(pattern, TAG).test(value), expected, `${pattern} ~ ${value}`);
});

test('inbound filter globs compare letters as a RegExp i flag does, classes included', () => {
  assert.equal(compileGlob('[a-c]X', FILTER).test('Cx'), true);
  assert.equal(compileGlob('[Z-a]', FILTER).test('A'), true, 'A folds to the a inside the range');
  assert.equal(compileGlob('[!a]', FILTER).test('A'), false);
  assert.equal(compileGlob('ÉTÉ', FILTER).test('été'), true);
  // U+017F (long s) upper-cases to S, but the i flag keeps non-ASCII from folding into ASCII.
  assert.equal(compileGlob('s', FILTER).test('\u017f'), false);
  assert.equal(compileGlob('[a-z]', FILTER).test('\u212a'), false, 'Kelvin sign');
  assert.equal(compileGlob('\u03b9', FILTER).test('\u1fbe'), true, 'both fold to capital iota');
  assert.equal(compileGlob('[\u0345]', FILTER).test('\u03b9'), true);
});

test('long patterns (beyond one 32-bit word) match the same way', () => {
  const g = compileGlob('**/node_modules/regenerator-runtime/runtime/**', PATH_I);
  assert.equal(g.test('/app/node_modules/regenerator-runtime/runtime/x.js'), true);
  assert.equal(g.test('/app/node_modules/regenerator-runtime/other/x.js'), false);
  const stars = `${'*a'.repeat(40)}*b`;
  assert.equal(compileGlob(stars, TEXT).test(`${'a'.repeat(40)}b`), true);
  assert.equal(compileGlob(stars, TEXT).test(`${'a'.repeat(39)}b`), false);
});

test('pathological globs on a message of the maximum size (8,192 characters)', () => {
  const message = 'a'.repeat(8192);
  for (const options of [TEXT, TEXT_I, FILTER, TAG]) {
    const g = compileGlob('*a*a*a*a*a*a*a*a*b', options);
    assert.equal(g.test(message), false);
    assert.equal(g.test(`${message.slice(1)}b`), true);
    assert.equal(g.test(`${'a'.repeat(7)}b`), false, 'eight a are needed');
  }
  const path = compileGlob('**/**/**/**/**/x', PATH_I);
  assert.equal(path.test('/a'.repeat(4096)), false);
  assert.equal(path.test(`${'/a'.repeat(4095)}/x`), true);
});

test('isValidGlob rejects reversed ranges only', () => {
  assert.equal(isValidGlob('[a-z]*'), true);
  assert.equal(isValidGlob('[z-a]*'), false);
  assert.equal(isValidGlob('unclosed[z-a'), true);
  assert.equal(isValidGlob('\\[z-a]'), true, 'an escaped bracket opens no class');
});

/**
 * The documented semantics as a memoised recursive matcher over the raw pattern: obviously
 * correct and exponential-free for tiny inputs, slow for anything else. Letters and ranges under
 * the RegExp folding are decided by a one-character RegExp, which is the definition.
 */
function reference(pattern: string, value: string, options: GlobOptions): boolean {
  const path = options.path ?? false;
  const folding = options.caseFolding ?? 'none';
  let p = path ? pattern.replaceAll('\\', '/') : pattern;
  let v = path ? value.replaceAll('\\', '/') : value;
  if (folding === 'lower') {
    p = p.toLowerCase();
    v = v
      .split('')
      .map((c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c))
      .join('');
  }
  const escapeRegExp = (s: string) => s.replace(/[\\\]^[.*+?${}()|/-]/g, '\\$&');
  const same = (a: string, b: string) => (folding === 'regexp' ? new RegExp(`^${escapeRegExp(a)}$`, 'i').test(b) : a === b);
  const classEnd = (i: number): number => {
    let j = i + 1;
    if (p[j] === '!' || p[j] === '^') j++;
    if (p[j] === ']') j++;
    return p.indexOf(']', j);
  };
  /** null: a reversed range where that makes the brackets literal. */
  const classTest = (body: string): ((c: string) => boolean) | null => {
    const negate = body[0] === '!' || body[0] === '^';
    const members = negate ? body.slice(1) : body;
    const inRange = (lo: string, hi: string): ((c: string) => boolean) => {
      if (folding !== 'regexp') return (c) => c >= lo && c <= hi;
      const re = new RegExp(`^[${escapeRegExp(lo)}-${escapeRegExp(hi)}]$`, 'i');
      return (c) => re.test(c);
    };
    const tests: ((c: string) => boolean)[] = [];
    let reversed = false;
    for (let k = 0; k < members.length; k++) {
      const lo = members[k] as string;
      const hi = members[k + 2];
      if (members[k + 1] === '-' && hi !== undefined) {
        if (lo > hi) reversed = true;
        else tests.push(inRange(lo, hi));
        k += 2;
      } else tests.push((c) => same(lo, c));
    }
    if (reversed && options.reversedRange === 'literal') return null;
    return (c) => tests.some((t) => t(c)) !== negate;
  };
  let classes = options.classes ?? true;
  if (classes && options.reversedRange === 'literal') {
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '\\' && i + 1 < p.length) i++;
      else if (p[i] === '[' && classEnd(i) !== -1) {
        if (classTest(p.slice(i + 1, classEnd(i))) === null) classes = false;
        i = classEnd(i);
      }
    }
  }
  const memo = new Map<number, boolean>();
  const match = (pi: number, vi: number): boolean => {
    const key = pi * (v.length + 1) + vi;
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = step(pi, vi);
      memo.set(key, hit);
    }
    return hit;
  };
  const step = (pi: number, vi: number): boolean => {
    if (pi === p.length) return vi === v.length;
    const c = p[pi] as string;
    if (c === '*') {
      let end = pi;
      while (p[end] === '*') end++;
      const stars = end - pi;
      if (path && stars > 1 && p[end] === '/') {
        if (match(end + 1, vi)) return true;
        for (let k = vi; k < v.length; k++) if (v[k] === '/' && match(end + 1, k + 1)) return true;
        return false;
      }
      for (let k = vi; k <= v.length; k++) {
        if (match(end, k)) return true;
        if (path && stars === 1 && v[k] === '/') return false;
      }
      return false;
    }
    if (vi === v.length) return false;
    const ch = v[vi] as string;
    if (c === '?') return (!path || ch !== '/') && match(pi + 1, vi + 1);
    if (c === '[' && classes && classEnd(pi) !== -1) {
      const end = classEnd(pi);
      const inClass = classTest(p.slice(pi + 1, end));
      return (inClass?.(ch) ?? false) && match(end + 1, vi + 1);
    }
    if (c === '\\' && (options.classes ?? true) && pi + 1 < p.length) return same(p[pi + 1] as string, ch) && match(pi + 2, vi + 1);
    return same(c, ch) && match(pi + 1, vi + 1);
  };
  return match(0, 0);
}

test('agrees with the reference matcher on random patterns, values and options', () => {
  const letters = ['a', 'b', 'A', 'é', 'É', 's', 'S', '\u017f', 'k', '\u212a', '/', '\\', '-', ']'];
  const patternAtom = fc.constantFrom(...letters, '*', '*', '**', '**/', '?', '[', '[!', '[^', 'a-b', 'b-a', 'A-b');
  const valueChar = fc.constantFrom(...letters, '*', '[');
  const options = fc.record({
    path: fc.boolean(),
    classes: fc.boolean(),
    caseFolding: fc.constantFrom('none' as const, 'lower' as const, 'regexp' as const),
    reversedRange: fc.constantFrom('empty' as const, 'literal' as const),
  });
  // Random values rarely match a random pattern, so most values are the pattern itself, edited:
  // atoms kept, swapped for a case or separator variant (the folding questions), or for anything.
  const variants: Readonly<Record<string, string>> = {
    a: 'A',
    A: 'a',
    é: 'É',
    É: 'é',
    s: '\u017f',
    S: 's',
    '\u017f': 'S',
    k: '\u212a',
    '\u212a': 'K',
    '/': '\\',
    '\\': '/',
  };
  const variant = (atom: string) => atom.replace(/./gu, (c) => variants[c] ?? c);
  const edit = fc.tuple(fc.constantFrom('keep', 'keep', 'keep', 'variant', 'variant', 'swap', 'drop', 'extra'), valueChar);
  const valueFor = (p: readonly string[], edits: readonly [string, string][], random: readonly string[] | null): string => {
    if (random !== null) return random.join('');
    return p
      .map((atom, i) => {
        const [kind, other] = edits[i] ?? ['keep', 'a'];
        if (kind === 'drop') return '';
        if (kind === 'swap') return other;
        if (kind === 'variant') return variant(atom);
        return kind === 'extra' ? atom + other : atom;
      })
      .join('');
  };
  fc.assert(
    fc.property(
      fc.array(patternAtom, { maxLength: 12 }),
      fc.array(edit, { maxLength: 12 }),
      fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.array(valueChar, { maxLength: 12 }), weight: 1 }),
      options,
      fc.nat(34),
      (p, edits, random, o, prefixLength) => {
        // A literal prefix puts some patterns' states across two 32-bit words.
        const prefix = 'ab'.repeat(17).slice(0, prefixLength);
        const pattern = prefix + p.join('');
        const value = prefix + valueFor(p, edits, random);
        assert.equal(compileGlob(pattern, o).test(value), reference(pattern, value, o), `${pattern} ~ ${value} ${JSON.stringify(o)}`);
      },
    ),
    { numRuns: 6000 },
  );
});
