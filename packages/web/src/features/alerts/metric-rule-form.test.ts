import { describe, expect, it } from 'vitest';
import type { MetricRuleJson } from './alert-types.js';
import { emptyMetricRuleForm, metricPreviewBody, metricRuleBody, metricRuleFormFromJson } from './metric-rule-form.js';
import { ACTION } from './rule-ids.js';

const rule: MetricRuleJson = {
  id: '4',
  name: 'Error spike',
  projects: ['checkout'],
  metric: 'error_rate',
  metricLabel: 'Error count change vs. baseline (%)',
  query: '',
  environment: 'production',
  timeWindow: 10,
  comparisonDelta: 1440,
  thresholdType: 'above',
  criticalThreshold: 200,
  warningThreshold: 50,
  resolveThreshold: 20.5,
  sustainFor: 5,
  actions: [
    { id: ACTION.channel, channel: '4', name: 'Send to channel 4' },
    { id: ACTION.email, targetType: 'Member', targetIdentifier: '1', name: 'E-mail member 1' },
  ],
  status: 'active',
  runbookUrl: null,
  triageNotes: 'Look at the deploy log.',
  state: { status: 'ok', lastValue: 3, lastEvaluated: null, activeIncident: null },
  dateCreated: '2026-11-01T00:00:00Z',
  dateModified: '2026-11-01T00:00:00Z',
};

describe('metric rule form ↔ API body', () => {
  it('a rule read from the API is sent back as the same definition', () => {
    expect(metricRuleBody(metricRuleFormFromJson(rule), true)).toEqual({
      name: 'Error spike',
      project: 'checkout',
      metric: 'error_rate',
      query: '',
      environment: 'production',
      timeWindow: 10,
      comparisonDelta: 1440,
      thresholdType: 'above',
      criticalThreshold: 200,
      warningThreshold: 50,
      resolveThreshold: 20.5,
      sustainFor: 5,
      actions: [
        { id: ACTION.channel, channel: '4' },
        { id: ACTION.email, targetType: 'Member', targetIdentifier: '1' },
      ],
      runbookUrl: null,
      triageNotes: 'Look at the deploy log.',
      status: 'active',
    });
  });

  it('optional thresholds left empty are null; the baseline is sent only for metrics that use one', () => {
    const form = { ...emptyMetricRuleForm('checkout'), name: 'Fatal', metric: 'issue_search_count', query: ' level:fatal ', criticalThreshold: '1' };
    const body = metricRuleBody(form, false);
    expect(body).toMatchObject({
      project: 'checkout',
      query: 'level:fatal',
      criticalThreshold: 1,
      warningThreshold: null,
      resolveThreshold: null,
      sustainFor: 0,
    });
    expect('comparisonDelta' in body).toBe(false);
  });

  it('a threshold that is not a number is sent as typed for the server to reject by name', () => {
    expect(metricRuleBody({ ...emptyMetricRuleForm('p'), criticalThreshold: 'lots' }, false).criticalThreshold).toBe('lots');
  });
});

describe('metric preview body', () => {
  it('carries what is measured and the thresholds, not who is told', () => {
    const body = metricPreviewBody(metricRuleFormFromJson(rule), true);
    expect(Object.keys(body).sort()).toEqual([
      'comparisonDelta',
      'criticalThreshold',
      'environment',
      'metric',
      'project',
      'query',
      'resolveThreshold',
      'sustainFor',
      'thresholdType',
      'timeWindow',
      'warningThreshold',
    ]);
  });
});
