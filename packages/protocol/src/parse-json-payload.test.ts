import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_MAX_JSON_DEPTH, parseJsonPayload } from './parse-json-payload.js';

const enc = new TextEncoder();
const nested = (n: number) => enc.encode(`${'['.repeat(n)}${']'.repeat(n)}`);

describe('parseJsonPayload', () => {
  test('parses UTF-8 JSON', () => {
    assert.deepEqual(parseJsonPayload(enc.encode('{"a":[1,"é",null]}')), { ok: true, value: { a: [1, 'é', null] } });
  });

  test('depth limit is inclusive and defaults to 128 (serde_json)', () => {
    assert.equal(DEFAULT_MAX_JSON_DEPTH, 128);
    assert.equal(parseJsonPayload(nested(128)).ok, true);
    assert.deepEqual(parseJsonPayload(nested(129)), { ok: false, reason: 'JSON nested deeper than 128 levels' });
    assert.equal(parseJsonPayload(nested(3), 3).ok, true);
    assert.equal(parseJsonPayload(nested(4), 3).ok, false);
    assert.equal(parseJsonPayload(enc.encode('{"a":{"b":{}}}'), 2).ok, false);
  });

  test('200k-deep nesting gives ok:false quickly, without a stack overflow', () => {
    const started = Date.now();
    for (const open of ['[', '{"a":']) {
      const result = parseJsonPayload(enc.encode(open.repeat(200_000)));
      assert.deepEqual(result, { ok: false, reason: 'JSON nested deeper than 128 levels' });
    }
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
  });

  test('brackets inside strings (and escaped quotes) do not count as depth', () => {
    const text = `{"s":"${'[{'.repeat(500)}\\"${'['.repeat(500)}","t":["\\\\"]}`;
    const result = parseJsonPayload(enc.encode(text), 2);
    assert.ok(result.ok, result.ok ? '' : result.reason);
    // An escaped backslash before the closing quote must close the string: this is depth 3.
    assert.equal(parseJsonPayload(enc.encode('["\\\\",[[1]]]'), 2).ok, false);
  });

  test('rejects invalid UTF-8, invalid JSON and empty input with reasons that echo no bytes', () => {
    assert.deepEqual(parseJsonPayload(new Uint8Array([0x22, 0xc3, 0x28, 0x22])), { ok: false, reason: 'not valid UTF-8' });
    assert.deepEqual(parseJsonPayload(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])), { ok: false, reason: 'not valid UTF-8' });
    assert.deepEqual(parseJsonPayload(enc.encode('{"secret":tru}')), { ok: false, reason: 'not valid JSON' });
    assert.deepEqual(parseJsonPayload(new Uint8Array()), { ok: false, reason: 'not valid JSON' });
  });

  test('fuzz: never throws; agrees with JSON.parse on shallow valid JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        const result = parseJsonPayload(bytes, 4);
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value);
        const result = parseJsonPayload(enc.encode(text));
        assert.ok(result.ok);
        assert.deepEqual(result.value, JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
