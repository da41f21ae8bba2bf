import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { JsonObject } from './json.js';
import { parseEnvelope } from './parse-envelope.js';
import { type SerializableItem, serializeEnvelope } from './serialize-envelope.js';

const dec = new TextDecoder();
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('serializeEnvelope', () => {
  test('writes what the SDKs write', () => {
    const items: SerializableItem[] = [
      { headers: { type: 'event' }, payload: '{"a":1}', withLength: false },
      { headers: { type: 'attachment', filename: 'x.txt', length: 999 }, payload: 'a\nb' },
    ];
    assert.equal(
      dec.decode(serializeEnvelope({ event_id: 'abc' }, items)),
      '{"event_id":"abc"}\n{"type":"event"}\n{"a":1}\n{"type":"attachment","filename":"x.txt","length":3}\na\nb',
    );
    assert.equal(dec.decode(serializeEnvelope({}, [], { trailingNewline: true })), '{}\n');
    assert.equal(dec.decode(serializeEnvelope({}, [])), '{}');
  });

  test('refuses a length-less payload containing a newline', () => {
    assert.throws(
      () => serializeEnvelope({}, [{ headers: { type: 'a' }, payload: 'x\ny', withLength: false }]),
      /item 0: a payload containing a newline needs a length header/,
    );
  });
});

// Keys the parser types (and so validates/normalizes) are generated separately below.
const RESERVED = new Set(['event_id', 'dsn', 'type', 'length', 'item_count', 'content_type', 'filename', 'attachment_type', 'platform']);
const extraKeys = fc.dictionary(
  fc.string({ maxLength: 8 }).filter((k) => !RESERVED.has(k)),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 4 },
);
const hex32 = fc.uuid().map((u) => u.replaceAll('-', ''));
const envelopeHeaders = fc.record({ extra: extraKeys, eventId: fc.option(hex32, { nil: undefined }), dsn: fc.option(fc.string(), { nil: undefined }) }).map(
  ({ extra, eventId, dsn }): JsonObject => ({
    ...extra,
    ...(eventId === undefined ? {} : { event_id: eventId }),
    ...(dsn === undefined ? {} : { dsn }),
  }),
);

const item = fc
  .record({
    type: fc.string({ minLength: 1, maxLength: 12 }),
    extra: extraKeys,
    itemCount: fc.option(fc.nat(), { nil: undefined }),
    contentType: fc.option(fc.string(), { nil: undefined }),
    withLength: fc.boolean(),
    payload: fc.uint8Array({ maxLength: 64 }),
  })
  .map(
    ({ type, extra, itemCount, contentType, withLength, payload }): SerializableItem => ({
      headers: {
        ...extra,
        type,
        ...(itemCount === undefined ? {} : { item_count: itemCount }),
        ...(contentType === undefined ? {} : { content_type: contentType }),
      },
      // Without a length the payload ends at the first newline, so it cannot contain one.
      payload: withLength ? payload : payload.map((b) => (b === 0x0a ? 0x20 : b)),
      withLength,
    }),
  );

describe('serializeEnvelope ↔ parseEnvelope round trip (property)', () => {
  test('random envelopes, with/without lengths and trailing newline, parse back equal', () => {
    fc.assert(
      fc.property(envelopeHeaders, fc.array(item, { maxLength: 8 }), fc.boolean(), (headers, items, trailingNewline) => {
        const body = serializeEnvelope(headers, items, { trailingNewline });
        if (trailingNewline) assert.equal(body.at(-1), 0x0a);
        const result = parseEnvelope(body);
        assert.ok(result.ok, result.ok ? '' : result.reason);
        assert.deepEqual(result.envelope.headers, asJson(headers));
        assert.equal(result.envelope.items.length, items.length);
        for (const [i, parsed] of result.envelope.items.entries()) {
          const original = items[i];
          assert.ok(original !== undefined);
          const payload = original.payload as Uint8Array;
          const { length: _length, ...expectedHeaders } = asJson(original.headers);
          if (original.withLength) expectedHeaders.length = payload.length;
          assert.deepEqual(parsed.headers, expectedHeaders);
          assert.equal(parsed.type, original.headers.type);
          assert.deepEqual([...parsed.payload], [...payload]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('hyphenated or upper-case event ids come back normalized', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (uuid, upper) => {
        const id = upper ? uuid.toUpperCase() : uuid;
        const result = parseEnvelope(serializeEnvelope({ event_id: id }, []));
        assert.ok(result.ok);
        assert.equal(result.envelope.headers.event_id, uuid.replaceAll('-', '').toLowerCase());
      }),
    );
  });

  test('truncating a valid envelope never throws and never invents bytes', () => {
    fc.assert(
      fc.property(envelopeHeaders, fc.array(item, { minLength: 1, maxLength: 5 }), fc.nat(), (headers, items, cut) => {
        const body = serializeEnvelope(headers, items);
        const truncated = body.subarray(0, cut % body.length);
        const result = parseEnvelope(truncated);
        if (result.ok) {
          for (const it of result.envelope.items) {
            assert.ok(it.payload.byteOffset + it.payload.length <= truncated.byteOffset + truncated.length);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
