import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDurationArg } from './duration-arg.js';

test('a whole number with s, m or h is a duration', () => {
  assert.deepEqual(parseDurationArg('90s'), { ok: true, ms: 90_000 });
  assert.deepEqual(parseDurationArg('10m'), { ok: true, ms: 600_000 });
  assert.deepEqual(parseDurationArg('2h'), { ok: true, ms: 7_200_000 });
  assert.deepEqual(parseDurationArg('0s'), { ok: true, ms: 0 });
  assert.deepEqual(parseDurationArg('24h'), { ok: true, ms: 86_400_000 });
});

test('anything else is refused with the text it was given', () => {
  for (const bad of ['', '10', 'm', '10min', '1.5h', '-5m', ' 10m', '10m ', '10M', '1d', '1h30m', '0x10s', '1e3s', '１０m', '1234567s', '25h']) {
    const r = parseDurationArg(bad);
    assert.equal(r.ok, false, `"${bad}" was accepted`);
    if (!r.ok) assert.ok(r.reason.includes(`"${bad}"`), r.reason);
  }
});
