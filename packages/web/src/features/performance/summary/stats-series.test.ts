import { describe, expect, it } from 'vitest';
import { seriesOf } from './stats-series.js';

describe('seriesOf', () => {
  it('reads a single series, with null for buckets without data', () => {
    const stats = {
      data: [
        [1795200000, [{ count: 231.5 }]],
        [1795203600, [{ count: null }]],
      ] as [number, { count: number | null }[]][],
      start: 1795200000,
      end: 1795207200,
    };
    expect(seriesOf(stats, 'p95(transaction.duration)')).toEqual([
      [1795200000, 231.5],
      [1795203600, null],
    ]);
  });

  it('picks the asked yAxis out of several, and nothing when it is absent', () => {
    const stats = {
      'count()': { data: [[1795200000, [{ count: 12 }]]] as [number, { count: number | null }[]][], order: 0 },
      'p95(transaction.duration)': { data: [[1795200000, [{ count: 99 }]]] as [number, { count: number | null }[]][], order: 1 },
    };
    expect(seriesOf(stats, 'p95(transaction.duration)')).toEqual([[1795200000, 99]]);
    expect(seriesOf(stats, 'p50(transaction.duration)')).toEqual([]);
    expect(seriesOf(undefined, 'count()')).toEqual([]);
  });
});
