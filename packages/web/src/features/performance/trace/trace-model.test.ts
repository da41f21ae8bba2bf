import { describe, expect, it } from 'vitest';
import { sampleTrace, span, T0 } from './trace-fixture.test-support.js';
import { barOf, findSpan, traceOf, visibleRows } from './trace-model.js';

describe('trace model', () => {
  it('separates span trees from orphan errors and measures the whole trace', () => {
    const trace = traceOf(sampleTrace());
    expect(trace.roots.map((r) => r.event_id)).toEqual(['root00000000000a']);
    expect(trace.orphanErrors.map((e) => e.short_id)).toEqual(['SHOP-1B']);
    expect(trace.spanCount).toBe(3);
    expect(trace.errorCount).toBe(2);
    expect(trace.start).toBe(T0);
    expect(trace.end).toBeCloseTo(T0 + 0.01, 6);
  });

  it('lists rows depth first and hides the children of a collapsed span', () => {
    const { roots } = traceOf(sampleTrace());
    expect(visibleRows(roots, new Set()).map((r) => [r.node.event_id, r.depth])).toEqual([
      ['root00000000000a', 0],
      ['mw0000000000000c', 1],
      ['db0000000000000b', 1],
    ]);
    const collapsed = visibleRows(roots, new Set(['root00000000000a']));
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]?.collapsed).toBe(true);
    expect(collapsed[0]?.hasChildren).toBe(true);
  });

  it('places bars by start and length within the trace, with a sliver for instant spans', () => {
    const trace = traceOf(sampleTrace());
    const db = findSpan(trace.roots, 'db0000000000000b');
    expect(db).toBeDefined();
    const bar = barOf(db as NonNullable<typeof db>, trace);
    expect(bar.left).toBeCloseTo(20, 2);
    expect(bar.width).toBeCloseTo(50, 2);
    expect(barOf(span('x', T0 + 0.01, T0 + 0.01), trace).width).toBe(0.2);
    expect(traceOf([]).spanCount).toBe(0);
  });
});
