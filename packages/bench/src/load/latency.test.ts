import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLatencyRecorder, percentile } from './latency.js';

describe('latency', () => {
  it('uses nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(sorted, 50), 50);
    assert.equal(percentile(sorted, 99), 99);
    assert.equal(percentile(sorted, 100), 100);
    assert.equal(percentile(Float64Array.of(7), 99), 7);
  });

  it('summarizes recorded samples beyond its initial capacity, sorting numerically', () => {
    const r = createLatencyRecorder(4);
    assert.equal(r.summary(), null);
    for (const v of [10, 2, 300, 4, 5, 6, 7, 8, 9, 1]) r.record(v);
    const s = r.summary();
    assert.ok(s);
    assert.equal(s.count, 10);
    assert.equal(s.p50Ms, 6);
    assert.equal(s.maxMs, 300);
    assert.equal(s.meanMs, 35.2);
  });
});
