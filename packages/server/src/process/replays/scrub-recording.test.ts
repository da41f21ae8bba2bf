// Server-side privacy of rrweb recordings: password inputs masked in snapshots, mutations and
// input events (also in a later segment), card numbers and credentials scrubbed in text,
// attributes and typed values; the walk survives any JSON and stays linear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonValue } from '@faultline/protocol';
import fc from 'fast-check';
import { createReplayScrubber, DEFAULT_SCRUB_SETTINGS, type ScrubSettings } from '../scrub/index.js';
import { scrubRecording } from './scrub-recording.js';

const scrubber = (settings: ScrubSettings = DEFAULT_SCRUB_SETTINGS) => createReplayScrubber(settings);
const CARD = '4111 1111 1111 1111';

function snapshot(): JsonValue[] {
  return [
    {
      type: 2,
      timestamp: 1,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            {
              type: 2,
              id: 2,
              tagName: 'form',
              attributes: { action: '/pay?api_key=s3cr3tvalue' },
              childNodes: [
                { type: 2, id: 3, tagName: 'input', attributes: { type: 'password', value: 'hunter2hunter2' }, childNodes: [] },
                { type: 2, id: 4, tagName: 'input', attributes: { type: 'text', value: CARD }, childNodes: [] },
                { type: 3, id: 5, textContent: `Card on file: ${CARD}` },
                {
                  type: 2,
                  id: 6,
                  tagName: 'style',
                  attributes: {},
                  childNodes: [{ type: 3, id: 7, textContent: '.a{width:4111111111111111px}', isStyle: true }],
                },
              ],
            },
          ],
        },
      },
    },
  ];
}

test('a full snapshot: password value masked, card numbers and URL secrets scrubbed, style text left alone', () => {
  const events = snapshot();
  const ids = new Set<number>();
  const result = scrubRecording(events, scrubber(), ids);
  const text = JSON.stringify(events);
  assert.ok(!text.includes('hunter2'), text);
  assert.ok(!text.includes(CARD), text);
  assert.ok(!text.includes('s3cr3tvalue'), text);
  assert.ok(text.includes('"value":"**************"'), 'masked like rrweb masks: one * per character');
  assert.ok(text.includes('4111111111111111px'), 'style text is not user text');
  assert.deepEqual([...ids], [3]);
  assert.equal(result.changed, 4);
});

test('input events on a password input of an earlier segment are masked; others get the card rule', () => {
  const ids = new Set<number>([3]);
  const events: JsonValue[] = [
    { type: 3, timestamp: 2, data: { source: 5, id: 3, text: 'hunter2hunter2', isChecked: false } },
    { type: 3, timestamp: 3, data: { source: 5, id: 4, text: CARD, isChecked: false } },
    { type: 3, timestamp: 4, data: { source: 5, id: 9, text: 'just words', isChecked: false } },
    {
      type: 3,
      timestamp: 5,
      data: { source: 0, texts: [{ id: 5, value: `now ${CARD}` }], attributes: [{ id: 8, attributes: { type: 'password' } }], removes: [], adds: [] },
    },
    { type: 3, timestamp: 6, data: { source: 5, id: 8, text: 'second-secret', isChecked: false } },
    {
      type: 3,
      timestamp: 7,
      data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: 2, nextId: null, node: { type: 3, id: 10, textContent: CARD } }] },
    },
    { type: 5, timestamp: 8, data: { tag: 'breadcrumb', payload: { category: 'ui.input', message: `typed ${CARD}`, data: { password: 'x1' } } } },
  ];
  scrubRecording(events, scrubber(), ids);
  const text = JSON.stringify(events);
  for (const secret of ['hunter2', CARD, 'second-secret', '"x1"']) assert.ok(!text.includes(secret), `${secret} in ${text}`);
  assert.ok(text.includes('just words'));
  assert.ok(ids.has(8), 'an attribute mutation can turn an input into a password field');
});

test('with the data scrubber off, only password inputs are masked', () => {
  const events = snapshot();
  scrubRecording(events, scrubber({ ...DEFAULT_SCRUB_SETTINGS, enabled: false }), new Set());
  const text = JSON.stringify(events);
  assert.ok(!text.includes('hunter2'));
  assert.ok(text.includes(CARD), 'the project turned card scrubbing off');
});

test('any JSON: never throws', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.jsonValue({ maxDepth: 6 }), rrwebish()), { maxLength: 30 }), (events) => {
      scrubRecording(events as JsonValue[], scrubber(), new Set());
    }),
    { numRuns: 1000 },
  );
});

test('linear: a snapshot 8× larger takes about 8× as long, and a 50,000-deep tree does not overflow the stack', () => {
  const wide = (n: number): JsonValue[] => [
    {
      type: 2,
      data: { node: { type: 0, id: 0, childNodes: Array.from({ length: n }, (_, i) => ({ type: 3, id: i + 1, textContent: `row ${i} ${CARD}` })) } },
    },
  ];
  const once = (n: number) => {
    const events = wide(n);
    const started = performance.now();
    scrubRecording(events, scrubber(), new Set());
    return performance.now() - started;
  };
  once(2000);
  // Interleaved, fastest of each: a shared machine's pauses (GC, other processes) only ever add time.
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    small = Math.min(small, once(5_000));
    large = Math.min(large, once(80_000));
  }
  // 16× the input: linear is ~16×, quadratic ~256×.
  assert.ok(large / small < 64, `5k nodes ${small.toFixed(1)} ms, 80k nodes ${large.toFixed(1)} ms`);
  let deep: JsonValue = { type: 3, id: 0, textContent: CARD };
  for (let i = 1; i < 50_000; i++) deep = { type: 2, id: i, tagName: 'div', attributes: {}, childNodes: [deep] };
  const events: JsonValue[] = [{ type: 2, data: { node: deep } }];
  scrubRecording(events, scrubber(), new Set());
});

function rrwebish() {
  const node = fc.record({
    type: fc.constantFrom(0, 2, 3, 5),
    id: fc.oneof(fc.nat(), fc.string()),
    tagName: fc.constantFrom('input', 'INPUT', 'div', 1),
    attributes: fc.oneof(
      fc.dictionary(fc.constantFrom('type', 'value', 'src', 'href'), fc.oneof(fc.constantFrom('password', CARD), fc.string(), fc.integer())),
      fc.constant(null),
    ),
    textContent: fc.oneof(fc.string(), fc.constant(CARD), fc.constant(null)),
    childNodes: fc.oneof(fc.constant([]), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.constant('x')),
  });
  return fc.oneof(
    fc.record({ type: fc.constant(2), data: fc.record({ node }) }),
    fc.record({
      type: fc.constant(3),
      data: fc.record({
        source: fc.constantFrom(0, 5),
        id: fc.nat(),
        text: fc.oneof(fc.string(), fc.integer()),
        texts: fc.anything(),
        adds: fc.array(fc.record({ node })),
        attributes: fc.anything(),
      }),
    }),
    fc.record({ type: fc.constantFrom(4, 5), data: fc.record({ href: fc.anything(), tag: fc.string(), payload: fc.jsonValue({ maxDepth: 3 }) }) }),
  );
}
