import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FILTER, type IssueFilter } from './issue-rule.js';
import { type FilterFacts, matchFilter, matchFilters } from './match-filters.js';

const hour = 3_600_000;
const now = Date.UTC(2026, 0, 1, 12);
const facts: FilterFacts = {
  event: {
    level: 'error',
    release: 'app@2.0.0',
    tags: [
      ['browser', 'Chrome 120'],
      ['url', 'https://shop.test/checkout/pay'],
      ['environment', 'production'],
    ],
  },
  issue: { type: 'error', firstSeen: now - 2 * hour, firstRelease: 'app@1.9.0' },
  latestRelease: 'app@2.0.0',
  now,
};

const tag = (match: string, value: string, key = 'browser') => matchFilter({ id: FILTER.tagged, key, match, value } as IssueFilter, facts);

describe('issue rule filters', () => {
  it('level at least / exactly / at most', () => {
    assert.equal(matchFilter({ id: FILTER.level, match: 'gte', level: '40' }, facts), true);
    assert.equal(matchFilter({ id: FILTER.level, match: 'gte', level: '50' }, facts), false);
    assert.equal(matchFilter({ id: FILTER.level, match: 'eq', level: '40' }, facts), true);
    assert.equal(matchFilter({ id: FILTER.level, match: 'lte', level: '30' }, facts), false);
  });

  it('tag equals, contains, starts/ends with, glob, set / not set', () => {
    assert.equal(tag('eq', 'Chrome 120'), true);
    assert.equal(tag('eq', 'Chrome'), false);
    assert.equal(tag('ne', 'Firefox'), true);
    assert.equal(tag('co', 'rome'), true);
    assert.equal(tag('nc', 'rome'), false);
    assert.equal(tag('sw', 'Chrome'), true);
    assert.equal(tag('ew', '120'), true);
    assert.equal(tag('glob', 'Chrome *'), true);
    assert.equal(tag('glob', 'Chrome'), false, 'a glob matches the whole value');
    assert.equal(tag('glob', '*/checkout/*', 'url'), true);
    assert.equal(tag('glob', 'https://shop.test/?heckout*', 'url'), true);
    assert.equal(tag('glob', '*.test/checkout', 'url'), false);
    assert.equal(tag('is', '', 'url'), true);
    assert.equal(tag('ns', '', 'os'), true);
    assert.equal(tag('ns', '', 'url'), false);
    assert.equal(tag('eq', 'x', 'os'), false, 'a missing tag equals nothing');
  });

  it('issue age older / newer', () => {
    assert.equal(matchFilter({ id: FILTER.age, comparison_type: 'older', value: 1, time: 'hour' }, facts), true);
    assert.equal(matchFilter({ id: FILTER.age, comparison_type: 'newer', value: 1, time: 'hour' }, facts), false);
    assert.equal(matchFilter({ id: FILTER.age, comparison_type: 'newer', value: 3, time: 'hour' }, facts), true);
  });

  it('latest release: the event’s release, and the issue’s first release', () => {
    assert.equal(matchFilter({ id: FILTER.latestRelease }, facts), true);
    assert.equal(matchFilter({ id: FILTER.firstSeenInLatestRelease }, facts), false);
    assert.equal(matchFilter({ id: FILTER.firstSeenInLatestRelease }, { ...facts, issue: { ...facts.issue, firstRelease: 'app@2.0.0' } }), true);
    assert.equal(matchFilter({ id: FILTER.latestRelease }, { ...facts, latestRelease: null }), false, 'no known release matches nothing');
  });

  it('issue category', () => {
    assert.equal(matchFilter({ id: FILTER.issueCategory, value: '1' }, facts), true);
    assert.equal(matchFilter({ id: FILTER.issueCategory, value: '6' }, { ...facts, issue: { ...facts.issue, type: 'feedback' } }), true);
    assert.equal(matchFilter({ id: FILTER.issueCategory, value: '1' }, { ...facts, issue: { ...facts.issue, type: 'feedback' } }), false);
  });

  it('all / any / none', () => {
    const pass: IssueFilter = { id: FILTER.level, match: 'gte', level: '40' };
    const fail: IssueFilter = { id: FILTER.level, match: 'gte', level: '50' };
    assert.equal(matchFilters([pass, fail], 'all', facts), false);
    assert.equal(matchFilters([pass, fail], 'any', facts), true);
    assert.equal(matchFilters([fail], 'none', facts), true);
    assert.equal(matchFilters([pass], 'none', facts), false);
    assert.equal(matchFilters([], 'all', facts), true);
  });
});
