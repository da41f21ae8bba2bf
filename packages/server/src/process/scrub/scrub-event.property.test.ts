import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeEvent } from '../normalize/index.js';
import { loadCapturedEvents } from '../normalize/sdk-events.test-support.js';
import { DEFAULT_SCRUB_SETTINGS, type ScrubSettings, SENSITIVE_KEY_FRAGMENTS, SENSITIVE_KEY_WORDS, scrubEvent } from './index.js';

const settingsArb: fc.Arbitrary<ScrubSettings> = fc.record({
  enabled: fc.boolean(),
  scrubIpAddresses: fc.boolean(),
  sensitiveFields: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
  safeFields: fc.array(fc.constantFrom('id', 'sid', 'session', 'token', 'name', 'x'), { maxLength: 2 }),
});

const strings = fc.oneof(
  fc.string(),
  fc.constantFrom('4111 1111 1111 1111', 'Bearer abcdefgh1234', 'a=b&token=zz', 'postgres://u:p@h/d', '{"password":"x"}', '[Filtered]'),
);
const bagArb = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...SENSITIVE_KEY_FRAGMENTS, 'card', 'Cookie')),
  fc.oneof(strings, fc.jsonValue({ maxDepth: 3 })),
  {
    maxKeys: 6,
  },
);
const eventArb = fc.record(
  {
    message: strings,
    extra: bagArb,
    tags: bagArb,
    contexts: fc.dictionary(fc.string({ maxLength: 8 }), bagArb, { maxKeys: 3 }),
    request: fc.record(
      { url: strings, headers: bagArb, cookies: fc.oneof(bagArb, strings), data: fc.oneof(bagArb, strings), query_string: strings },
      { requiredKeys: [] },
    ),
    breadcrumbs: fc.array(fc.record({ message: strings, data: bagArb }, { requiredKeys: [] }), { maxLength: 3 }),
    exception: fc.array(
      fc.record({
        type: fc.string(),
        value: strings,
        stacktrace: fc.record({ frames: fc.array(fc.record({ vars: bagArb, context_line: strings }), { maxLength: 3 }) }),
      }),
      { maxLength: 2 },
    ),
    user: fc.record({ ip_address: fc.constantFrom('127.0.0.1', '{{auto}}', '::1'), data: bagArb }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

function normalized(raw: unknown) {
  const result = normalizeEvent(raw, { receivedAt: 1_800_000_000_000, projectId: 1, itemType: 'event', clientIp: '192.0.2.9' });
  assert.ok(result.ok);
  if (!result.ok) throw new Error('unreachable');
  return result.event;
}

describe('scrubEvent properties', () => {
  it('is idempotent and never throws, for any event and any settings', () => {
    fc.assert(
      fc.property(eventArb, settingsArb, (raw, settings) => {
        const event = normalized(raw);
        scrubEvent(event, settings);
        const once = JSON.stringify(event);
        const again = scrubEvent(event, settings);
        assert.equal(again.scrubbedCount, 0);
        assert.equal(JSON.stringify(event), once);
      }),
      { numRuns: 300 },
    );
  });

  it('a secret planted under a sensitive key anywhere in a real event never survives', () => {
    const captures = loadCapturedEvents().filter((c) => c.itemType === 'event');
    // Fragments match inside any key; card words only as whole words (so `discard` is kept).
    const fragmentKey = fc
      .tuple(fc.stringMatching(/^[a-zA-Z_-]{0,4}$/), fc.constantFrom(...SENSITIVE_KEY_FRAGMENTS), fc.stringMatching(/^[a-zA-Z_-]{0,4}$/))
      .map(([a, b, c]) => `${a}${b}${c}`);
    const wordKey = fc
      .tuple(fc.constantFrom('', 'credit_', 'cc-', 'my.'), fc.constantFrom(...SENSITIVE_KEY_WORDS), fc.constantFrom('', '_number', 'Number', '[no]', '-2'))
      .map(([a, b, c]) => `${a}${b}${c}`);
    const keyArb = fc.oneof(fragmentKey, wordKey);
    const placeArb = fc.constantFrom('extra', 'context', 'requestData', 'breadcrumb', 'userData', 'tag', 'header', 'query');
    fc.assert(
      fc.property(fc.nat(captures.length - 1), keyArb, placeArb, fc.stringMatching(/^[a-f0-9]{12}$/), (index, key, place, random) => {
        const capture = captures[index];
        assert.ok(capture !== undefined);
        const secret = `S3CR3T-${random}`;
        const raw = structuredClone(capture.payload);
        plant(raw, place, key, secret);
        const event = normalized(raw);
        scrubEvent(event, DEFAULT_SCRUB_SETTINGS);
        assert.ok(!JSON.stringify(event).includes(secret), `${place}.${key} survived`);
      }),
      { numRuns: 400 },
    );
  });
});

function plant(raw: Record<string, unknown>, place: string, key: string, secret: string): void {
  const obj = (field: string): Record<string, unknown> => {
    const current = raw[field];
    const value = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
    raw[field] = value;
    return value;
  };
  switch (place) {
    case 'extra':
      obj('extra').nested = { deeper: { [key]: secret } };
      break;
    case 'context':
      obj('contexts').custom = { [key]: secret };
      break;
    case 'requestData':
      obj('request').data = { form: { [key]: secret } };
      break;
    case 'breadcrumb':
      raw.breadcrumbs = [{ message: 'x', data: { [key]: secret } }];
      break;
    case 'userData':
      obj('user')[key] = secret;
      break;
    case 'tag':
      raw.tags = { [key]: secret };
      break;
    case 'header':
      obj('request').headers = { [key]: secret };
      break;
    case 'query':
      obj('request').query_string = `a=1&${encodeURIComponent(key)}=${secret}`;
      break;
  }
}
