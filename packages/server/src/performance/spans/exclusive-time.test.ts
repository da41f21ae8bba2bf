import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeExclusiveTimes } from './exclusive-time.js';
import type { Span } from './span.js';

function span(spanId: string, parentSpanId: string | null, start: number, end: number): Span {
  return {
    traceId: 't',
    spanId,
    parentSpanId,
    segmentId: 'root',
    isSegment: parentSpanId === null,
    op: 'x',
    description: '',
    status: 'ok',
    start,
    end,
    durationMs: (end - start) * 1000,
    exclusiveTimeMs: 0,
    data: {},
  };
}

describe('exclusive (self) time', () => {
  it('subtracts the union of direct children, counting overlaps once and clipping to the parent', () => {
    const spans = [span('root', null, 0, 1), span('a', 'root', 0.1, 0.4), span('b', 'root', 0.3, 0.5), span('c', 'root', 0.9, 1.5), span('d', 'a', 0.1, 0.2)];
    computeExclusiveTimes(spans);
    const self = Object.fromEntries(spans.map((s) => [s.spanId, Math.round(s.exclusiveTimeMs)]));
    // root: 1000 − (0.1..0.5 = 400) − (0.9..1.0 = 100) = 500
    assert.deepEqual(self, { root: 500, a: 200, b: 200, c: 600, d: 100 });
  });

  it('never goes below zero or above the duration (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 30 }), (pairs) => {
        const spans = [span('root', null, 0, 5), ...pairs.map(([x, y], i) => span(`s${i}`, 'root', Math.min(x, y), Math.max(x, y)))];
        computeExclusiveTimes(spans);
        for (const s of spans) assert.ok(s.exclusiveTimeMs >= 0 && s.exclusiveTimeMs <= s.durationMs + 1e-6);
      }),
    );
  });
});
