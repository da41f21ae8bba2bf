import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseTimestamp } from './timestamps.js';

const ms = (value: unknown): number => {
  const r = parseTimestamp(value);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.ms;
};

test('numbers are seconds since the epoch (JS SDKs send floats)', () => {
  assert.equal(ms(1795275023.39), 1795275023.39 * 1000);
  assert.equal(ms(0), 0);
  assert.equal(ms(1795275023), 1795275023000);
});

test('RFC 3339 strings as SDKs send them', () => {
  const base = Date.UTC(2026, 10, 21, 15, 32, 51);
  assert.equal(ms('2026-11-21T15:32:51.606552Z'), base + 606.552); // Python [py/001]
  assert.equal(ms('2026-11-21T15:30:23.426Z'), Date.UTC(2026, 10, 21, 15, 30, 23, 426)); // sessions
  assert.equal(ms('2026-11-21T15:32:51'), base); // naive = UTC
  assert.equal(ms('2026-11-21t15:32:51z'), base);
  assert.equal(ms('2026-11-21 15:32:51+00:00'), base);
  assert.equal(ms('2026-11-21T17:32:51+02:00'), base);
  assert.equal(ms('2026-11-21T10:02:51-0530'), base);
  assert.equal(ms('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  assert.equal(ms('2016-12-31T23:59:60Z'), Date.UTC(2017, 0, 1));
});

test('rejects malformed, impossible and out-of-range values with reasons', () => {
  const cases: [unknown, RegExp][] = [
    ['2026-11-21', /not an RFC 3339 date-time/],
    ['yesterday', /not an RFC 3339/],
    ['2026-11-21T15:32:51.Z', /not an RFC 3339/],
    ['2023-02-29T00:00:00Z', /invalid date/],
    ['2026-13-01T00:00:00Z', /invalid date/],
    ['2026-11-31T00:00:00Z', /invalid date/],
    ['2026-11-21T24:00:00Z', /invalid time of day/],
    ['2026-11-21T10:00:00+24:00', /invalid UTC offset/],
    ['1969-12-31T23:59:59Z', /before 1970/],
    ['1970-01-01T00:59:59+01:00', /before 1970/],
    ['0099-01-01T00:00:00Z', /before 1970/],
    [-1, /before 1970/],
    [Number.NaN, /finite/],
    [Number.POSITIVE_INFINITY, /finite/],
    [1e13, /out of range/],
    [null, /got null/],
    [[1], /got array/],
  ];
  for (const [value, reason] of cases) {
    const r = parseTimestamp(value);
    assert.equal(r.ok, false, String(value));
    if (!r.ok) assert.match(r.reason, reason);
  }
});

test('property: toISOString output parses back to the same instant', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
      assert.equal(ms(date.toISOString()), date.getTime());
      // seconds → ms goes through a float division: equal to well under a microsecond.
      assert.ok(Math.abs(ms(date.getTime() / 1000) - date.getTime()) < 0.1);
    }),
  );
});
