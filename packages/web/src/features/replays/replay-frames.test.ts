import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The recording @sentry/browser 11.12.0 sent (replay on error, segment 0), inflated from
// packages/server/test-fixtures/sentry-browser-11.12.0/007-default--envelope-replay_event+replay_recording.body.bin.
import recorded from '../../../test-fixtures/sentry-browser-11.12.0-replay-segment-0.json';
import { currentIndex, errorItems, flattenSegments, formatOffset, parseRecording, type ReplayItem } from './replay-frames.js';

const T0 = 1_795_275_202_000;
const breadcrumb = (timestamp: number, payload: Record<string, unknown>) => ({ type: 5, timestamp, data: { tag: 'breadcrumb', payload } });
const span = (timestamp: number, payload: Record<string, unknown>) => ({ type: 5, timestamp: timestamp / 1000, data: { tag: 'performanceSpan', payload } });

describe('parseRecording on the real SDK recording', () => {
  const parsed = parseRecording(recorded);

  it('keeps every rrweb event, oldest first, on one millisecond clock', () => {
    // 19 events were recorded; the SDK stamps its performance spans in seconds.
    expect(parsed.events).toHaveLength(19);
    const times = parsed.events.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThan(1e12);
    // The navigation span (started 1795275202.7486 s) opens the recording; the memory span closes it.
    expect(parsed.startMs).toBe(1795275202749);
    expect(parsed.durationMs).toBe(1795275210387 - 1795275202749);
    // A full snapshot and the meta event the player needs are there.
    expect(parsed.events.filter((e) => e.type === 2)).toHaveLength(2);
    expect(parsed.events.filter((e) => e.type === 4)).toHaveLength(2);
  });

  it('lists the SDK’s breadcrumbs at their offset, and no console or network entries it did not record', () => {
    expect(parsed.breadcrumbs.map((b) => [b.category, b.title, b.offsetMs])).toEqual([
      ['ui.click', 'body > button#btn', 1795275205358 - 1795275202749],
      ['ui', 'checkout clicked', 1795275205359 - 1795275202749],
    ]);
    // The click names the node it hit (masked text as recorded).
    expect(parsed.breadcrumbs[0]?.detail).toContain('"tagName":"button"');
    expect(parsed.console).toEqual([]);
    // resource.other (favicon), navigation, web vitals and memory are not network requests.
    expect(parsed.network).toEqual([]);
  });
});

describe('parseRecording', () => {
  it('sorts console breadcrumbs and fetch/xhr spans into their own lists', () => {
    const parsed = parseRecording([
      [
        { type: 4, timestamp: T0, data: { href: 'https://shop.example/', width: 800, height: 600 } },
        breadcrumb(T0 + 500, { category: 'console', level: 'warn', message: 'low stock', data: { arguments: ['low stock'], logger: 'console' } }),
        span(T0 + 1000, {
          op: 'resource.fetch',
          description: 'https://api.example/cart',
          startTimestamp: (T0 + 1000) / 1000,
          endTimestamp: (T0 + 1250) / 1000,
          data: { method: 'POST', statusCode: 502 },
        }),
      ],
      [
        span(T0 + 2000, {
          op: 'resource.xhr',
          description: '/api/ping',
          startTimestamp: (T0 + 2000) / 1000,
          endTimestamp: (T0 + 2010) / 1000,
          data: { statusCode: 200 },
        }),
        breadcrumb(T0 + 3000, { category: 'navigation', data: { from: '/cart', to: '/checkout' } }),
      ],
    ]);
    expect(parsed.console.map((c) => [c.title, c.level, c.offsetMs])).toEqual([['low stock', 'warn', 500]]);
    expect(parsed.network.map((n) => [n.title, n.detail, n.level, n.offsetMs])).toEqual([
      ['POST https://api.example/cart', '502 · 250 ms · fetch', 'error', 1000],
      ['GET /api/ping', '200 · 10 ms · xhr', 'info', 2000],
    ]);
    expect(parsed.breadcrumbs.map((b) => b.title)).toEqual(['/cart → /checkout']);
  });

  it('keeps hostile markup as plain, bounded text', () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'">';
    const parsed = parseRecording([
      [breadcrumb(T0, { category: 'ui', message: hostile }), breadcrumb(T0 + 1, { category: 'console', message: 'x'.repeat(10_000) })],
    ]);
    expect(parsed.breadcrumbs[0]?.title).toBe(hostile);
    expect(parsed.console[0]?.title.length).toBe(500);
  });

  it('leaves out what is not an rrweb event and answers anything else with an empty recording', () => {
    expect(flattenSegments({ data: [] })).toEqual([]);
    expect(flattenSegments([[null, 3, 'x', { type: 'a', timestamp: 1 }, { type: 2, timestamp: Number.NaN }, { type: 2 }], 'segment'])).toEqual([]);
    expect(parseRecording(null)).toMatchObject({ events: [], startMs: null, durationMs: 0, breadcrumbs: [] });
  });

  it('never throws on arbitrary JSON, and every item lies within the recording', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.jsonValue(), fc.record({ type: fc.constant(5), timestamp: fc.double(), data: fc.jsonValue() })))),
        (segments) => {
          const parsed = parseRecording(segments);
          for (const item of [...parsed.breadcrumbs, ...parsed.console, ...parsed.network]) {
            expect(item.offsetMs).toBeGreaterThanOrEqual(0);
            expect(item.offsetMs).toBeLessThanOrEqual(parsed.durationMs);
            expect(typeof item.title).toBe('string');
          }
        },
      ),
    );
  });
});

describe('errorItems and currentIndex', () => {
  it('places the replay’s errors at their event time and finds the item playing at a moment', () => {
    const items = errorItems(
      [
        { eventId: 'f19ec5d995c34740bd9bf9921ad6eb2b', title: 'checkout failed', dateCreated: '2026-11-21T15:33:28.384Z', issueId: '7' },
        { eventId: 'c48d945665cc40a6a610ceaa739fad47', title: 'TypeError: x is undefined', dateCreated: '2026-11-21T15:33:25.362Z', issueId: '6' },
        { eventId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', title: null, dateCreated: null, issueId: null },
      ],
      Date.parse('2026-11-21T15:33:22.749Z'),
    );
    expect(items.map((i) => [i.title, i.offsetMs])).toEqual([
      ['Event aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 0],
      ['TypeError: x is undefined', 2613],
      ['checkout failed', 5635],
    ]);
    expect(items[0]?.detail).toBe('the event could not be loaded');
    const at = (ms: number) => currentIndex(items as ReplayItem[], ms);
    expect([at(-1), at(0), at(2612), at(2613), at(99_999)]).toEqual([-1, 0, 0, 1, 2]);
    expect(currentIndex([], 5)).toBe(-1);
  });

  it('currentIndex finds the last item at or before any moment', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 })), fc.integer({ min: -10, max: 110_000 }), (offsets, t) => {
        const items: ReplayItem[] = [...offsets]
          .sort((a, b) => a - b)
          .map((offsetMs, i) => ({ key: `${i}`, kind: 'breadcrumb', offsetMs, title: '', detail: '', category: 'ui', level: 'info' }));
        const i = currentIndex(items, t);
        const expected = items.reduce((found, item, j) => (item.offsetMs <= t ? j : found), -1);
        expect(i).toBe(expected);
      }),
    );
  });

  it('formats offsets as m:ss', () => {
    expect([formatOffset(0), formatOffset(61_500), formatOffset(3_600_000 + 5_000)]).toEqual(['0:00', '1:01', '1:00:05']);
  });
});
