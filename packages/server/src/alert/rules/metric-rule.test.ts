import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTION } from './issue-rule.js';
import { type MetricCatalogue, parseMetricRuleDraft } from './metric-rule.js';

const catalogue: MetricCatalogue = {
  has: (m) => ['error_count', 'error_rate'].includes(m),
  keys: () => ['error_count', 'error_rate'],
  needsBaseline: (m) => m === 'error_rate',
  checkQuery: (_m, q) => (q === '' ? { ok: true, value: '' } : { ok: false, reason: 'this metric takes no query' }),
};
const body = { name: 'm', metric: 'error_count', criticalThreshold: 100, actions: [{ id: ACTION.channel, channel: '2' }] };

function reason(extra: Record<string, unknown>): string {
  const r = parseMetricRuleDraft({ ...body, ...extra }, 1, catalogue);
  assert.equal(r.ok, false);
  return r.ok ? '' : r.reason;
}

describe('metric rule validation', () => {
  it('converts minutes to milliseconds and defaults to above, 5-minute window, no sustain', () => {
    const r = parseMetricRuleDraft({ ...body, sustainFor: 5, warningThreshold: 50 }, 1, catalogue);
    assert.ok(r.ok);
    assert.equal(r.value.timeWindowMs, 300_000);
    assert.equal(r.value.sustainMs, 300_000);
    assert.equal(r.value.thresholdType, 'above');
    assert.equal(r.value.comparisonDeltaMs, null);
    const rate = parseMetricRuleDraft({ ...body, metric: 'error_rate' }, 1, catalogue);
    assert.ok(rate.ok);
    assert.equal(rate.value.comparisonDeltaMs, 7 * 24 * 3_600_000, 'the baseline defaults to a week earlier');
  });

  it('accepts Sentry’s 0/1 threshold types', () => {
    const r = parseMetricRuleDraft({ ...body, thresholdType: 1, criticalThreshold: 10, warningThreshold: 50 }, 1, catalogue);
    assert.ok(r.ok);
    assert.equal(r.value.thresholdType, 'below');
  });

  it('refuses thresholds in the wrong order', () => {
    assert.match(reason({ warningThreshold: 150 }), /^warningThreshold must be below criticalThreshold$/);
    assert.match(reason({ thresholdType: 'below', warningThreshold: 50 }), /^warningThreshold must be above criticalThreshold$/);
    assert.match(reason({ warningThreshold: 50, resolveThreshold: 60 }), /^resolveThreshold must not be above the warning threshold$/);
    assert.match(reason({ resolveThreshold: 101 }), /^resolveThreshold must not be above the critical threshold$/);
  });

  it('names bad fields', () => {
    assert.match(reason({ metric: 'p95' }), /^metric must be one of error_count, error_rate$/);
    assert.match(reason({ query: 'level:fatal' }), /^query: this metric takes no query$/);
    assert.match(reason({ criticalThreshold: null }), /^criticalThreshold is required$/);
    assert.match(reason({ criticalThreshold: 'lots' }), /^criticalThreshold must be a number$/);
    assert.match(reason({ timeWindow: 0 }), /^timeWindow must be a whole number between 1 and 1440$/);
    assert.match(reason({ actions: [] }), /actions must be a list with at least one action/);
  });
});
