import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIssueSort } from './parse-issue-sort.js';

test('the four Sentry sorts map to issue fields, newest/largest first', () => {
  const cases: [string, string][] = [
    ['date', 'lastSeen'],
    ['new', 'firstSeen'],
    ['freq', 'timesSeen'],
    ['user', 'userCount'],
  ];
  for (const [text, field] of cases) {
    assert.deepEqual(parseIssueSort(text), { ok: true, sort: { key: text, field, direction: 'desc' } }, text);
  }
});

test('a missing or blank sort is Sentry default (date); surrounding spaces are ignored', () => {
  for (const text of [undefined, '', '  ', ' date ']) {
    const r = parseIssueSort(text);
    assert.ok(r.ok, String(text));
    assert.equal(r.sort.key, 'date');
  }
});

test('unknown sorts and Sentry-only sorts are refused with the valid choices', () => {
  const unknown = parseIssueSort(' oldest');
  assert.deepEqual(unknown, {
    ok: false,
    error: { message: 'unknown sort "oldest"; use one of: date (last seen), new (first seen), freq (events), user (users)', position: 1, length: 6 },
  });
  for (const sentryOnly of ['priority', 'trends', 'inbox', 'betterPriority']) {
    const r = parseIssueSort(sentryOnly);
    assert.equal(r.ok, false, sentryOnly);
    if (!r.ok) assert.match(r.error.message, new RegExp(`^sort "${sentryOnly}" is not supported by Faultline; use one of: date`));
  }
  assert.equal(parseIssueSort('DATE').ok, false, 'sort keys are case-sensitive, as in Sentry');
  assert.equal(parseIssueSort('toString').ok, false, 'no prototype keys');
});
