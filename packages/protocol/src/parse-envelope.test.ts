import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseEnvelope } from './parse-envelope.js';
import { parseJsonPayload } from './parse-json-payload.js';
import { FIXTURES, findCapture, loadEnvelopeCaptures } from './sdk-captures.test-support.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (text: string): Uint8Array => enc.encode(text);

function parseOk(input: Uint8Array | string) {
  const result = parseEnvelope(typeof input === 'string' ? bytes(input) : input);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.envelope;
}

function parseFail(input: Uint8Array | string, reason: RegExp, limits = {}): void {
  const result = parseEnvelope(typeof input === 'string' ? bytes(input) : input, limits);
  assert.equal(result.ok, false, 'expected the envelope to be rejected');
  if (!result.ok) assert.match(result.reason, reason);
}

const payloads = (input: string): string[] => parseOk(input).items.map((i) => dec.decode(i.payload));

describe('parseEnvelope: grammar (docs/wire-format.md, envelopes)', () => {
  test('items without length run to the next newline or the end', () => {
    assert.deepEqual(payloads('{}\n{"type":"event"}\n{"a":1}\n{"type":"session"}\n{"b":2}'), ['{"a":1}', '{"b":2}']);
    assert.deepEqual(payloads('{}\n{"type":"event"}\n{"a":1}\n'), ['{"a":1}']);
  });

  test('length counts bytes, payload may contain newlines, the newline after it is optional at the end', () => {
    // 'é' is two bytes in UTF-8: six bytes, five JS characters.
    const env = parseOk('{}\n{"type":"attachment","length":6}\nab\ncé\n{"type":"event"}\n{}');
    assert.deepEqual(
      env.items.map((i) => [i.type, dec.decode(i.payload)]),
      [
        ['attachment', 'ab\ncé'],
        ['event', '{}'],
      ],
    );
    assert.deepEqual(payloads('{}\n{"type":"a","length":3}\nxyz'), ['xyz']);
    assert.deepEqual(payloads('{}\n{"type":"a","length":0}\n'), ['']);
  });

  test('header-only envelopes, with and without trailing newline, and {} headers', () => {
    for (const body of ['{}', '{}\n', '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n']) {
      assert.equal(parseOk(body).items.length, 0, body);
    }
    assert.deepEqual(parseOk('{}').headers, {});
  });

  test('an item header as the last thing has an empty payload', () => {
    const env = parseOk('{}\n{"type":"event"}');
    assert.equal(env.items.length, 1);
    assert.equal(env.items[0]?.payload.length, 0);
  });

  test('empty lines where an item header is expected are skipped', () => {
    assert.deepEqual(payloads('{}\n\n{"type":"a","length":1}\nx\n\n\n{"type":"b"}\ny\n\n'), ['x', 'y']);
  });

  test('CRLF: \\r is header whitespace but stays in a length-less payload; it breaks a length', () => {
    assert.deepEqual(payloads('{}\r\n{"type":"event"}\r\n{"a":1}\r\n'), ['{"a":1}\r']);
    parseFail('{}\r\n{"type":"a","length":1}\r\nx\r\n', /item 0: expected a newline after its 1-byte payload/);
  });

  test('payloads are views into the body, not copies', () => {
    const body = bytes('{}\n{"type":"a","length":3}\nxyz\n{"type":"b"}\nqq');
    const env = parseOk(body);
    const [a, b] = env.items;
    assert.ok(a !== undefined && b !== undefined);
    assert.equal(a.payload.buffer, body.buffer);
    assert.equal(a.payload.byteOffset, Buffer.from(body).indexOf('xyz'));
    assert.equal(b.payload.byteOffset, Buffer.from(body).indexOf('qq'));
  });

  test('typed header keys: event_id normalized, nulls dropped, unknown keys kept', () => {
    const env = parseOk('{"event_id":"E43BE000-4106-4EF4-987F-9131863C9B58","dsn":null,"x":[1]}\n{"type":"a","length":null,"filename":null,"z":true}\nq');
    assert.deepEqual(env.headers, { event_id: 'e43be0004106' + '4ef4987f9131863c9b58', x: [1] });
    assert.deepEqual(env.items[0]?.headers, { type: 'a', z: true });
  });
});

describe('parseEnvelope: hostile input', () => {
  test('empty body, non-JSON and non-object headers', () => {
    parseFail('', /empty envelope/);
    parseFail('hello\n', /envelope header: not valid JSON/);
    parseFail('[]\n', /envelope header must be a JSON object/);
    parseFail('null', /envelope header must be a JSON object/);
    parseFail('{}\n{"type":"a"', /item 0 header: not valid JSON/);
    parseFail('{}\n"event"\n{}', /item 0 header must be a JSON object/);
    parseFail('{}\n{"length":2}\nab', /item 0: item header type must be a non-empty string, got undefined/);
    parseFail('{}\n{"type":7}\n', /type must be a non-empty string, got number/);
    parseFail('{"event_id":"nope"}', /envelope header event_id: event id must be a UUID/);
    parseFail('{"dsn":5}', /dsn must be a string, got number/);
    parseFail('{}\n{"type":"a","filename":5}\n', /item 0: item header filename must be a string/);
    parseFail('{}\n{"type":"a","item_count":-1}\n', /item_count must be a non-negative integer, got -1/);
  });

  test('bad lengths: negative, fractional, string, past the end, truncated', () => {
    parseFail('{}\n{"type":"a","length":-1}\nx', /item 0: item header length must be a non-negative integer, got -1/);
    parseFail('{}\n{"type":"a","length":1.5}\nxy', /length must be a non-negative integer, got 1.5/);
    parseFail('{}\n{"type":"a","length":"2"}\nxy', /length must be a non-negative integer, got string/);
    parseFail('{}\n{"type":"a","length":1e300}\nxy', /length must be a non-negative integer/);
    parseFail('{}\n{"type":"a","length":10}\nxyz', /item 0: length 10 exceeds the 3 bytes remaining/);
    parseFail('{}\n{"type":"a","length":1}', /item 0: length 1 exceeds the 0 bytes remaining/);
    parseFail('{}\n{"type":"a","length":2}\nxyz', /item 0: expected a newline after its 2-byte payload/);
    parseFail('{}\n{"type":"a"}\nx\n{"type":"b","length":5}\nab', /item 1: length 5 exceeds the 2 bytes remaining/);
  });

  test('invalid UTF-8 in headers is rejected; in payloads it is the caller’s business', () => {
    const bad = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]); // {"\xff":1}
    parseFail(new Uint8Array([...bad, 0x0a]), /envelope header: not valid UTF-8/);
    parseFail(new Uint8Array([...bytes('{}\n{"type":"a","x":'), 0x22, 0xc3, 0x22, 0x7d]), /item 0 header: not valid UTF-8/);
    const env = parseOk(new Uint8Array([...bytes('{}\n{"type":"a","length":2}\n'), 0xff, 0xfe]));
    assert.deepEqual([...(env.items[0]?.payload ?? [])], [0xff, 0xfe]);
  });

  test('deep nesting in headers fails fast without blowing the stack', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    let started = Date.now();
    parseFail(`{"a":${deep(200_000)}}\n`, /envelope header longer than 65536 bytes/);
    parseFail(`{"a":${deep(20_000)}}\n`, /envelope header: JSON nested deeper than 64 levels/);
    parseFail(`{}\n{"type":"a","b":${deep(30_000)}}\n`, /item 0 header: JSON nested deeper than 64 levels/);
    assert.ok(Date.now() - started < 1000, 'deep headers must be rejected quickly');
    started = Date.now();
    // Deep payloads are not the parser's business: it must not even look at them.
    const env = parseOk(`{}\n{"type":"event"}\n${deep(200_000)}`);
    assert.equal(env.items[0]?.payload.length, 400_000);
    assert.equal(parseJsonPayload(env.items[0]?.payload ?? new Uint8Array()).ok, false);
    assert.ok(Date.now() - started < 1000);
  });

  test('header line and item count caps are options', () => {
    parseFail(`{"a":"${'x'.repeat(100)}"}`, /envelope header longer than 50 bytes/, { maxHeaderBytes: 50 });
    parseFail('{}\n{"type":"a"}\n\n{"type":"a"}\n\n{"type":"a"}\n', /too many items \(limit 2\)/, { maxItems: 2 });
    assert.equal(parseEnvelope(bytes('{}\n{"type":"a"}\n'), { maxItems: undefined }).ok, true);
  });

  test('100k tiny items are bounded by the default cap (10,000), quickly', () => {
    const body = bytes(`{}\n${'{"type":"a"}\nx\n'.repeat(100_000)}`);
    const started = Date.now();
    parseFail(body, /too many items \(limit 10000\)/);
    const all = parseEnvelope(body, { maxItems: 100_000 });
    assert.ok(all.ok);
    assert.equal(all.envelope.items.length, 100_000);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  test('fuzz: random and fragment-built bytes never throw and give a typed result', () => {
    const fragments = [
      '{}',
      '{"type":"a"}',
      '{"type":"b","length":3}',
      '{"length":-1,"type":"c"}',
      '\n',
      '\r',
      'xy',
      '[',
      '"',
      '\\',
      '{"event_id":"0af4e2722d5b4c0e8e2e0e36a3a5e6f1"}',
    ];
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => bytes(parts.join(''))),
    );
    fc.assert(
      fc.property(body, (input) => {
        const result = parseEnvelope(input, { maxItems: 20 });
        if (!result.ok) return typeof result.reason === 'string' && result.reason.length > 0;
        for (const item of result.envelope.items) {
          assert.equal(item.type, item.headers.type);
          assert.equal(item.payload.buffer, input.buffer);
          assert.ok(item.payload.byteOffset + item.payload.length <= input.byteOffset + input.length);
          if (item.headers.length !== undefined) assert.equal(item.payload.length, item.headers.length);
          else assert.equal(item.payload.includes(0x0a), false);
        }
        return result.envelope.items.length <= 20;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseEnvelope: real SDK captures (test-fixtures)', () => {
  const captures = loadEnvelopeCaptures();
  const expected = JSON.parse(readFileSync(new URL('expected-items.json', FIXTURES), 'utf8')) as Record<string, string[]>;

  test('every envelope capture is present and its body was extracted exactly', () => {
    assert.equal(captures.length, 113);
    assert.deepEqual(
      captures.map((c) => c.name).sort(),
      Object.keys(expected)
        .filter((k) => k !== '_comment')
        .sort(),
    );
    for (const { name, record, body } of captures) {
      assert.equal(body.length, record.decoded_bytes, name);
      assert.equal(body.at(-1) === 0x0a, record.body_ends_with_newline, name);
    }
  });

  for (const { name, body } of captures) {
    test(name, () => {
      const env = parseOk(body);
      assert.deepEqual(
        env.items.map((i) => i.type),
        expected[name],
      );
      // The file name lists the item types the recorder saw, e.g. `envelope-event+attachment`.
      const named = /envelope-([a-z_+]+)\.(?:txt|body\.bin)$/.exec(name)?.[1]?.split('+');
      assert.deepEqual([...new Set(env.items.map((i) => i.type))], named);
      for (const item of env.items) {
        if (['attachment', 'replay_recording', 'statsd'].includes(item.type)) continue;
        const json = parseJsonPayload(item.payload);
        assert.ok(json.ok, `${name} ${item.type}: ${json.ok ? '' : json.reason}`);
      }
    });
  }

  test('binary and length-delimited payloads keep their exact bytes', () => {
    const replay = parseOk(findCapture(captures, 'sentry-browser-11.12.0/007-default--envelope-replay_event+replay_recording.txt').body);
    const recording = replay.items[1];
    assert.equal(recording?.headers.length, 1311);
    assert.equal(dec.decode(recording?.payload.subarray(0, 17)), '{"segment_id":0}\n');
    assert.equal(recording?.payload[17], 0x78, 'zlib header of the compressed rrweb events');
    assert.equal(replay.headers.event_id, '99c65bb420fc4ed7a5b59c3915a4df7f');

    const att = parseOk(findCapture(captures, 'sentry-node-8.55.2/034-attachment--envelope-event+attachment.txt').body);
    assert.deepEqual(
      att.items.slice(1).map((i) => [i.headers.filename, dec.decode(i.payload)]),
      [
        ['config.json', '{"debug":true}\n'],
        ['log.txt', 'line1\nline2\n'],
      ],
    );
    const cli = parseOk(findCapture(captures, 'sentry-cli-2.58.6/015-send-event--envelope-event.txt').body);
    assert.match(cli.headers.event_id ?? '', /^[0-9a-f]{32}$/);
  });
});
