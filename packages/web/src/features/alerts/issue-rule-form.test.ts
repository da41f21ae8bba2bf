import { describe, expect, it } from 'vitest';
import type { IssueRuleJson } from './alert-types.js';
import { emptyIssueRuleForm, issueRuleBody, issueRuleFormFromJson, newFilter, previewBody } from './issue-rule-form.js';
import { ACTION, CONDITION, FILTER } from './rule-ids.js';

/** A rule as the API returns it: every trigger and filter kind, a channel and a team e-mail. */
const rule: IssueRuleJson = {
  id: '7',
  name: 'Checkout errors',
  conditions: [
    { id: CONDITION.firstSeen, name: 'A new issue is created' },
    { id: CONDITION.regression },
    { id: CONDITION.reappeared },
    { id: CONDITION.eventFrequency, value: 100, interval: '1h' },
    { id: CONDITION.userFrequency, value: 5, interval: '1d' },
  ],
  filters: [
    { id: FILTER.level, match: 'gte', level: '40' },
    { id: FILTER.tagged, key: 'url', match: 'glob', value: '*/checkout/*' },
    { id: FILTER.age, comparison_type: 'newer', value: 2, time: 'hour' },
    { id: FILTER.latestRelease },
    { id: FILTER.firstSeenInLatestRelease },
    { id: FILTER.issueCategory, value: '1' },
  ],
  actions: [
    { id: ACTION.channel, channel: '3', name: 'Send to channel 3' },
    { id: ACTION.email, targetType: 'Team', targetIdentifier: '2', name: 'E-mail team 2' },
  ],
  actionMatch: 'any',
  filterMatch: 'all',
  frequency: 60,
  environment: 'production',
  status: 'active',
  snoozed: false,
  snoozeUntil: null,
  silenced: false,
  owner: null,
  runbookUrl: 'https://wiki.example.com/runbooks/checkout',
  triageNotes: 'Check the payment provider first.',
  projects: ['checkout'],
  dateCreated: '2026-11-01T00:00:00Z',
  dateModified: '2026-11-01T00:00:00Z',
};

describe('issue rule form ↔ API body', () => {
  it('a rule read from the API is sent back as the same definition', () => {
    const body = issueRuleBody(issueRuleFormFromJson(rule));
    expect(body).toEqual({
      name: 'Checkout errors',
      environment: 'production',
      actionMatch: 'any',
      filterMatch: 'all',
      conditions: [
        { id: CONDITION.firstSeen },
        { id: CONDITION.regression },
        { id: CONDITION.reappeared },
        { id: CONDITION.eventFrequency, value: 100, interval: '1h' },
        { id: CONDITION.userFrequency, value: 5, interval: '1d' },
      ],
      filters: [
        { id: FILTER.level, match: 'gte', level: '40' },
        { id: FILTER.tagged, key: 'url', match: 'glob', value: '*/checkout/*' },
        { id: FILTER.age, comparison_type: 'newer', value: 2, time: 'hour' },
        { id: FILTER.latestRelease },
        { id: FILTER.firstSeenInLatestRelease },
        { id: FILTER.issueCategory, value: '1' },
      ],
      actions: [
        { id: ACTION.channel, channel: '3' },
        { id: ACTION.email, targetType: 'Team', targetIdentifier: '2' },
      ],
      frequency: 60,
      runbookUrl: 'https://wiki.example.com/runbooks/checkout',
      triageNotes: 'Check the payment provider first.',
      status: 'active',
    });
  });

  it('the form shows numbers as text, keeps e-mail targets with their names', () => {
    const form = issueRuleFormFromJson(rule);
    expect(form.triggers[3]).toEqual({ kind: 'eventFrequency', value: '100', interval: '1h' });
    expect(form.filters[1]).toMatchObject({ kind: 'tagged', tagKey: 'url', match: 'glob', value: '*/checkout/*' });
    expect(form.filters[2]).toMatchObject({ kind: 'age', ageComparison: 'newer', value: '2', ageUnit: 'hour' });
    expect(form.emails).toEqual([{ targetType: 'Team', targetIdentifier: '2', name: 'E-mail team 2' }]);
    expect(form.channels).toEqual(['3']);
    expect(form.frequency).toBe('60');
  });

  it('a new rule starts as "a new issue is created" with the default interval; blanks become null', () => {
    const body = issueRuleBody({ ...emptyIssueRuleForm(), name: '  New  ', channels: ['9'] });
    expect(body).toMatchObject({
      name: 'New',
      conditions: [{ id: CONDITION.firstSeen }],
      filters: [],
      actions: [{ id: ACTION.channel, channel: '9' }],
      frequency: 30,
      environment: null,
      runbookUrl: null,
      triageNotes: null,
    });
  });

  it('half-typed numbers are sent as typed, so the server names the field', () => {
    const form = emptyIssueRuleForm();
    form.triggers = [{ kind: 'eventFrequency', value: '1e3', interval: '5m' }];
    form.frequency = 'often';
    const body = issueRuleBody(form);
    expect(body.conditions).toEqual([{ id: CONDITION.eventFrequency, value: '1e3', interval: '5m' }]);
    expect(body.frequency).toBe('often');
  });

  it('"is set" and "is not set" tag filters carry no value; a new filter row has its kind’s defaults', () => {
    const form = emptyIssueRuleForm();
    form.filters = [{ ...newFilter('tagged'), tagKey: ' browser ', match: 'ns', value: 'left over' }];
    expect(issueRuleBody(form).filters).toEqual([{ id: FILTER.tagged, key: 'browser', match: 'ns' }]);
    expect(newFilter('level')).toMatchObject({ match: 'gte', value: '40' });
    expect(newFilter('age')).toMatchObject({ value: '1', ageComparison: 'newer', ageUnit: 'hour' });
  });

  it('the preview gets only what decides matching', () => {
    expect(Object.keys(previewBody(issueRuleFormFromJson(rule))).sort()).toEqual([
      'actionMatch',
      'conditions',
      'environment',
      'filterMatch',
      'filters',
      'frequency',
    ]);
  });
});
