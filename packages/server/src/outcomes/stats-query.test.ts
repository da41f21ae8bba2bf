import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultlineError } from '../kernel/index.js';
import { parseStatsQuery } from './stats-query.js';
import { buildStatsResponse } from './stats-response.js';

const hour = 3_600_000;
const now = Date.UTC(2026, 10, 21, 15, 30);

describe('stats_v2 query parameters', () => {
  it('defaults to sum(quantity) over 24h in hourly intervals, aligned to whole hours', () => {
    const q = parseStatsQuery({}, now);
    assert.equal(q.field, 'sum(quantity)');
    assert.equal(q.intervalMs, hour);
    assert.equal(q.start, Date.UTC(2026, 10, 20, 15));
    assert.equal(q.end, Date.UTC(2026, 10, 21, 16));
    assert.deepEqual(q.groupBy, []);
    assert.equal(q.projectIds, null);
  });

  it('reads Sentry’s repeated and comma-separated parameters', () => {
    const q = parseStatsQuery(
      {
        field: 'sum(quantity)',
        groupBy: ['outcome', 'category'],
        category: 'error,transaction',
        outcome: ['accepted'],
        project: ['3', '4'],
        statsPeriod: '2d',
        interval: '1d',
      },
      now,
    );
    assert.deepEqual(q.groupBy, ['outcome', 'category']);
    assert.deepEqual(q.categories, ['error', 'transaction']);
    assert.deepEqual(q.outcomes, ['accepted']);
    assert.deepEqual(q.projectIds, [3, 4]);
    assert.equal(q.intervalMs, 24 * hour);
    assert.equal(q.end - q.start, 3 * 24 * hour);
    assert.equal(parseStatsQuery({ project: '-1' }, now).projectIds, null);
    const explicit = parseStatsQuery({ start: '2026-11-20T00:00:00Z', end: '2026-11-20T05:30:00Z' }, now);
    assert.equal(explicit.start, Date.UTC(2026, 10, 20, 0));
    assert.equal(explicit.end, Date.UTC(2026, 10, 20, 6));
  });

  it('rejects what it cannot answer with a 400 detail', () => {
    const bad = [
      { field: 'sum(times_seen)' },
      { groupBy: 'color' },
      { interval: '5m' },
      { statsPeriod: 'forever' },
      { category: 'cats' },
      { outcome: 'maybe' },
      { project: 'abc' },
      { start: '2026-01-01T00:00:00Z' },
      { statsPeriod: '999999d', interval: '1h' },
    ];
    for (const params of bad) {
      assert.throws(
        () => parseStatsQuery(params, now),
        (err: unknown) => err instanceof FaultlineError && err.status === 400,
        JSON.stringify(params),
      );
    }
  });
});

describe('stats_v2 response', () => {
  it('sums hourly rows into groups with totals and series, in Sentry’s shape', () => {
    const q = parseStatsQuery({ groupBy: ['outcome', 'reason'], statsPeriod: '3h' }, now);
    const at = (h: number) => Date.UTC(2026, 10, 21, h);
    const rows = [
      { projectId: 1, hour: at(13), category: 'error', outcome: 'accepted', reason: '', quantity: 2 },
      { projectId: 2, hour: at(13), category: 'error', outcome: 'accepted', reason: '', quantity: 3 },
      { projectId: 1, hour: at(15), category: 'session', outcome: 'accepted', reason: '', quantity: 1 },
      { projectId: 1, hour: at(14), category: 'error', outcome: 'rate_limited', reason: 'key_quota', quantity: 7 },
    ];
    assert.deepEqual(buildStatsResponse(q, rows), {
      start: '2026-11-21T12:00:00Z',
      end: '2026-11-21T16:00:00Z',
      intervals: ['2026-11-21T12:00:00Z', '2026-11-21T13:00:00Z', '2026-11-21T14:00:00Z', '2026-11-21T15:00:00Z'],
      groups: [
        { by: { outcome: 'accepted', reason: 'none' }, totals: { 'sum(quantity)': 6 }, series: { 'sum(quantity)': [0, 5, 0, 1] } },
        { by: { outcome: 'rate_limited', reason: 'key_quota' }, totals: { 'sum(quantity)': 7 }, series: { 'sum(quantity)': [0, 0, 7, 0] } },
      ],
    });
    const ungrouped = buildStatsResponse(parseStatsQuery({ statsPeriod: '3h' }, now), []);
    assert.deepEqual(ungrouped.groups, [{ by: {}, totals: { 'sum(quantity)': 0 }, series: { 'sum(quantity)': [0, 0, 0, 0] } }]);
  });
});
