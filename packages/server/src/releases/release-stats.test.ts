import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bucketEvents, statsWindow } from './release-stats.js';

const HOUR = 3_600_000;

it('puts hours into 24 hourly buckets, the last one holding now', () => {
  const now = Date.UTC(2026, 10, 21, 15, 30);
  const window = statsWindow('24h', now);
  assert.equal(window.from, Date.UTC(2026, 10, 20, 16));
  const series = bucketEvents(window, [
    [Date.UTC(2026, 10, 21, 15), 4],
    [Date.UTC(2026, 10, 20, 16), 2],
    [Date.UTC(2026, 10, 20, 15), 99],
  ]);
  assert.equal(series.length, 24);
  assert.deepEqual(series[0], [Date.UTC(2026, 10, 20, 16) / 1000, 2]);
  assert.deepEqual(series[23], [Date.UTC(2026, 10, 21, 15) / 1000, 4]);
  assert.equal(
    series.reduce((n, p) => n + p[1], 0),
    6,
    'an hour before the window is left out',
  );
});

it('sums the hours of a day into one of 14 daily buckets', () => {
  const now = Date.UTC(2026, 10, 21, 15, 30);
  const window = statsWindow('14d', now);
  const series = bucketEvents(window, [
    [Date.UTC(2026, 10, 21, 1), 1],
    [Date.UTC(2026, 10, 21, 14), 2],
    [Date.UTC(2026, 10, 8), 5],
  ]);
  assert.equal(series.length, 14);
  assert.deepEqual(series[13], [Date.UTC(2026, 10, 21) / 1000, 3]);
  assert.deepEqual(series[0], [Date.UTC(2026, 10, 8) / 1000, 5]);
  assert.equal(window.bucket, 24 * HOUR);
});
