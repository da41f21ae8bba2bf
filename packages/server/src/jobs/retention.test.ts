import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRetentionDays } from './retention.js';

describe('parseRetentionDays', () => {
  it('accepts whole days, absent means the server default, anything else is refused', () => {
    assert.deepEqual(parseRetentionDays(undefined), { ok: true, days: null });
    assert.deepEqual(parseRetentionDays(null), { ok: true, days: null });
    assert.deepEqual(parseRetentionDays(30), { ok: true, days: 30 });
    for (const bad of [0, -1, 1.5, '30', 36_501, Number.NaN]) assert.equal(parseRetentionDays(bad).ok, false, String(bad));
  });
});
