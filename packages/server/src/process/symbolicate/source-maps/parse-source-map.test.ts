import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ByteLru } from './byte-lru.js';
import { minifiedIdentifier, originalFunctionName, pickFunctionName } from './function-name.js';
import { contextAround } from './map-frame.js';
import { decodeDataUrl, findSourceMappingUrl, lookupToken, parseSourceMap, sourceLines } from './parse-source-map.js';

const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

// `function greet(name){return name}` minified to `function a(b){return b}` on line 1.
const map = {
  version: 3,
  sources: ['src/greet.js'],
  sourcesContent: ['// header\nfunction greet(name) {\n  return name;\n}\n'],
  names: ['greet', 'name'],
  mappings: 'AACA,SAASA,EAAMC,GACb,OAAOA',
  debugId: 'ABCDEF01-2345-6789-ABCD-EF0123456789',
};

describe('parseSourceMap', () => {
  it('reads a v3 map, its debug id (debugId or debug_id) and its tokens', () => {
    const r = parseSourceMap(bytes(map));
    assert.ok(r.ok);
    assert.equal(r.parsed.debugId, 'abcdef01-2345-6789-abcd-ef0123456789');
    const token = lookupToken(r.parsed, 0, 9);
    assert.deepEqual(token, { sourceIndex: 0, line: 1, column: 9, name: 'greet' });
    assert.deepEqual(sourceLines(r.parsed, 0)?.slice(0, 2), ['// header', 'function greet(name) {']);
    const legacy = parseSourceMap(bytes({ ...map, debugId: undefined, debug_id: 'x-y' }));
    assert.ok(legacy.ok);
    assert.equal(legacy.parsed.debugId, 'x-y');
  });

  it('refuses what is not a v3 map with a reason instead of throwing', () => {
    for (const [input, reason] of [
      ['{nope', /not valid JSON/],
      [[], /not a JSON object/],
      [{ version: 2, sources: [], mappings: '' }, /version 2/],
      [{ version: 3 }, /no mappings/],
    ] as const) {
      const r = parseSourceMap(bytes(input));
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, reason);
    }
  });

  it('answers null for a line without mappings or a negative position', () => {
    const r = parseSourceMap(bytes(map));
    assert.ok(r.ok);
    assert.equal(lookupToken(r.parsed, 5, 0), null);
    assert.equal(lookupToken(r.parsed, -1, 0), null);
  });

  it('returns null lines for a source without sourcesContent', () => {
    const r = parseSourceMap(bytes({ ...map, sourcesContent: undefined }));
    assert.ok(r.ok);
    assert.equal(sourceLines(r.parsed, 0), null);
  });
});

describe('source map references', () => {
  it('finds the last sourceMappingURL comment, after a debugId line', () => {
    const text = 'code();\n//# sourceMappingURL=old.map\nmore();\n//# sourceMappingURL=app.min.js.map\n\n//# debugId=abc\n';
    assert.equal(findSourceMappingUrl(text), 'app.min.js.map');
    assert.equal(findSourceMappingUrl('x();\n//@ sourceMappingURL=legacy.map'), 'legacy.map');
    assert.equal(findSourceMappingUrl('x();'), null);
  });

  it('decodes inline base64 and URL-encoded maps', () => {
    const b64 = `data:application/json;charset=utf-8;base64,${Buffer.from('{"a":1}').toString('base64')}`;
    assert.equal(Buffer.from(decodeDataUrl(b64) ?? []).toString(), '{"a":1}');
    assert.equal(Buffer.from(decodeDataUrl('data:application/json,%7B%7D') ?? []).toString(), '{}');
    assert.equal(decodeDataUrl('app.js.map'), null);
  });
});

describe('function names', () => {
  it('extracts the identifier V8 reported', () => {
    assert.equal(minifiedIdentifier('Object.a'), 'a');
    assert.equal(minifiedIdentifier('async Module.n [as main]'), 'n');
    assert.equal(minifiedIdentifier('Object.<anonymous>'), null);
    assert.equal(minifiedIdentifier(undefined), null);
  });

  it('finds the original name of the enclosing function from its declaration', () => {
    const r = parseSourceMap(bytes(map));
    assert.ok(r.ok);
    assert.equal(originalFunctionName(r.parsed, ['function a(b){return b}'], 0, 15, 'a'), 'greet');
    assert.equal(originalFunctionName(r.parsed, ['function a(b){return b}'], 0, 15, 'zz'), null);
  });

  it('prefers the scope name, then the caller call site, then the reported name', () => {
    assert.equal(pickFunctionName('Object.a', 'greet', 'other'), 'greet');
    assert.equal(pickFunctionName('Object.a', null, 'greet'), 'greet');
    assert.equal(pickFunctionName('Object.a', '<anonymous>', '__webpack_require__'), 'Object.a');
  });
});

describe('contextAround', () => {
  it('cuts five lines before and after, fewer at the edges', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
    assert.deepEqual(contextAround(lines, 10), { pre: ['l5', 'l6', 'l7', 'l8', 'l9'], line: 'l10', post: ['l11', 'l12', 'l13', 'l14', 'l15'] });
    assert.deepEqual(contextAround(lines, 1), { pre: ['l0'], line: 'l1', post: ['l2', 'l3', 'l4', 'l5', 'l6'] });
    assert.equal(contextAround(lines, 20), null);
  });
});

describe('ByteLru', () => {
  it('evicts the least recently used entries when over budget', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    assert.equal(lru.get('a'), 'A');
    lru.set('c', 'C', 40);
    assert.equal(lru.get('b'), undefined, 'b was least recently used');
    assert.equal(lru.get('a'), 'A');
    assert.equal(lru.get('c'), 'C');
    assert.equal(lru.bytes, 80);
  });

  it('does not keep a value larger than the whole budget', () => {
    const lru = new ByteLru<string>(10);
    lru.set('big', 'x', 11);
    assert.equal(lru.get('big'), undefined);
    assert.equal(lru.size, 0);
  });
});
