import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTION, CONDITION, FILTER } from './issue-rule.js';
import { parseIssueRuleDraft } from './parse-issue-rule.js';

const minimal = { name: 'r', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: 1 }] };

function reason(body: Record<string, unknown>): string {
  const r = parseIssueRuleDraft(body);
  assert.equal(r.ok, false, `expected ${JSON.stringify(body)} to be refused`);
  return r.ok ? '' : r.reason;
}

describe('issue rule validation', () => {
  it('fills Sentry’s defaults and normalizes ids and levels', () => {
    const r = parseIssueRuleDraft({
      ...minimal,
      filters: [
        { id: FILTER.level, match: 'gte', level: 'warning' },
        { id: FILTER.issueCategory, value: 'error' },
      ],
    });
    assert.ok(r.ok);
    assert.equal(r.value.actionMatch, 'all');
    assert.equal(r.value.filterMatch, 'all');
    assert.equal(r.value.frequencyMinutes, 30);
    assert.equal(r.value.status, 'active');
    assert.deepEqual(r.value.actions, [{ id: ACTION.channel, channel: '1' }]);
    assert.deepEqual(r.value.filters, [
      { id: FILTER.level, match: 'gte', level: '30' },
      { id: FILTER.issueCategory, value: '1' },
    ]);
  });

  it('accepts Sentry’s numeric level strings', () => {
    const r = parseIssueRuleDraft({ ...minimal, filters: [{ id: FILTER.level, match: 'eq', level: '50' }] });
    assert.ok(r.ok);
    assert.deepEqual(r.value.filters[0], { id: FILTER.level, match: 'eq', level: '50' });
  });

  it('names the field of the first problem', () => {
    assert.match(reason({ ...minimal, name: '' }), /^name is required$/);
    assert.match(reason({ ...minimal, conditions: [] }), /conditions must have at least one trigger/);
    assert.match(reason({ ...minimal, conditions: [{ id: 'nope' }] }), /^conditions\[0\]: unknown condition id "nope"$/);
    assert.match(
      reason({ ...minimal, conditions: [{ id: CONDITION.userFrequency, value: 5, interval: '2h' }] }),
      /^conditions\[0\]: interval must be one of 1m, 5m, 15m, 1h, 1d, 1w, 30d$/,
    );
    assert.match(reason({ ...minimal, conditions: [{ id: CONDITION.eventFrequency, value: -1, interval: '1h' }] }), /value must be a whole number/);
    assert.match(reason({ ...minimal, filters: [{ id: FILTER.tagged, key: 'browser', match: 'eq' }] }), /^filters\[0\]: value must be/);
    assert.match(reason({ ...minimal, filters: [{ id: FILTER.tagged, key: 'browser', match: 'regex', value: 'x' }] }), /match must be one of eq, ne/);
    assert.match(
      reason({ ...minimal, filters: [{ id: FILTER.age, comparison_type: 'older', value: 1, time: 'year' }] }),
      /time must be one of minute, hour, day, week/,
    );
    assert.match(reason({ ...minimal, actions: [] }), /actions must have at least one action/);
    assert.match(reason({ ...minimal, actions: [{ id: ACTION.email, targetType: 'IssueOwners', targetIdentifier: 1 }] }), /targetType must be Team or Member/);
    assert.match(reason({ ...minimal, frequency: 1 }), /^frequency must be a whole number between 5 and 43200$/);
    assert.match(reason({ ...minimal, actionMatch: 'most' }), /^actionMatch must be one of all, any, none$/);
    assert.match(reason({ ...minimal, runbookUrl: 'javascript:alert(1)' }), /^runbookUrl must be an http\(s\) URL$/);
    assert.match(reason({ ...minimal, owner: 'alice' }), /^owner must be "user:<id>" or "team:<id>"$/);
  });

  it('an update keeps what the body leaves out', () => {
    const base = parseIssueRuleDraft({ ...minimal, frequency: 60, environment: 'production', triageNotes: 'call Bob' });
    assert.ok(base.ok);
    const updated = parseIssueRuleDraft({ name: 'renamed' }, base.value);
    assert.ok(updated.ok);
    assert.equal(updated.value.name, 'renamed');
    assert.equal(updated.value.frequencyMinutes, 60);
    assert.equal(updated.value.environment, 'production');
    assert.equal(updated.value.triageNotes, 'call Bob');
    assert.deepEqual(updated.value.conditions, base.value.conditions);
  });
});
