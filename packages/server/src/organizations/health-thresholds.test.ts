import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HEALTH_THRESHOLDS, parseHealthThresholds } from './health-thresholds.js';

describe('parseHealthThresholds', () => {
  it('gives the defaults (99 / 97) for a project without thresholds', () => {
    assert.deepEqual(parseHealthThresholds(undefined), { ok: true, thresholds: { healthy: 99, warning: 97 } });
    assert.deepEqual(parseHealthThresholds(null), { ok: true, thresholds: DEFAULT_HEALTH_THRESHOLDS });
  });

  it('fills a missing half from the defaults and keeps fractions of a point', () => {
    assert.deepEqual(parseHealthThresholds({ healthy: 99.5 }), { ok: true, thresholds: { healthy: 99.5, warning: 97 } });
    assert.deepEqual(parseHealthThresholds({ healthy: 90, warning: 80 }), { ok: true, thresholds: { healthy: 90, warning: 80 } });
  });

  it('refuses what is not two percentages with warning at most healthy', () => {
    for (const bad of [
      [],
      'x',
      { healthy: 101 },
      { warning: -1 },
      { healthy: '99' },
      { healthy: Number.NaN },
      { healthy: 95, warning: 96 },
      { healthy: 99, colour: 'red' },
    ]) {
      const r = parseHealthThresholds(bad);
      assert.equal(r.ok, false, JSON.stringify(bad));
      if (!r.ok) assert.match(r.reason, /^healthThresholds/);
    }
  });
});
