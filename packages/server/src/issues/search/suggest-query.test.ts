import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEARCH_KEYS } from './search-keys.js';
import { type KnownTag, suggestQuery } from './suggest-query.js';

const TAGS: KnownTag[] = [
  { key: 'browser', topValues: ['Chrome', 'Firefox 1', 'Safari'] },
  { key: 'level', topValues: ['error', 'custom'] },
  { key: 'release', topValues: ['1.0.0', '1.1.0'] },
  { key: 'server_name', topValues: ['web-1'] },
];

const at = (text: string, cursor = text.length, tags = TAGS) => suggestQuery(text, cursor, tags);
const labels = (text: string, cursor?: number, tags?: KnownTag[]) => at(text, cursor, tags).suggestions.map((s) => s.label);
const range = (text: string, cursor?: number) => {
  const s = at(text, cursor);
  return [s.replaceFrom, s.replaceTo];
};

test('an empty box offers every built-in key, then tag keys the built-ins do not cover', () => {
  const s = at('');
  assert.deepEqual([s.replaceFrom, s.replaceTo], [0, 0]);
  assert.deepEqual(
    s.suggestions.map((x) => x.label),
    [...SEARCH_KEYS.map((k) => k.name), 'browser', 'server_name'],
  );
  assert.ok(s.suggestions.every((x) => x.kind === 'key' && x.insert === `${x.label}:`));
});

test('typing a key narrows by prefix, then substring, and replaces the whole key', () => {
  assert.deepEqual(labels('lev'), ['level']);
  assert.deepEqual(range('lev'), [0, 3]);
  assert.deepEqual(labels('u'), ['user.id', 'user.email', 'user.username', 'user.ip', 'userCount'], 'one character: prefix only');
  assert.deepEqual(labels('is:unresolved ser'), ['server_name', 'user.id', 'user.email', 'user.username', 'user.ip', 'userCount', 'browser']);
  assert.deepEqual(range('is:unresolved ser'), [14, 17]);
  assert.deepEqual(range('!lev'), [1, 4]);
  // The cursor inside an existing key: the key and its colon are replaced, not the value.
  assert.deepEqual(range('level:error', 3), [0, 6]);
  assert.deepEqual(labels('zzz'), []);
});

test('tags the built-in keys cover are not offered twice; odd tag keys get tags[…]', () => {
  const tags = [
    { key: 'id', topValues: [] },
    { key: 'level', topValues: [] },
    { key: 'ios.version', topValues: [] },
    { key: 'io:x', topValues: [] },
  ];
  const s = at('i', 1, tags);
  assert.deepEqual(
    s.suggestions.map((x) => x.insert),
    ['is:', 'issue.category:', 'issue.type:', 'issue.id:', 'issue:', 'ios.version:'],
  );
  assert.deepEqual(
    at('tags', 4, tags).suggestions.map((x) => x.insert),
    ['tags[io:x]:'],
  );
});

test('after is: and level: the closed value sets are offered, ranked by prefix then substring', () => {
  assert.deepEqual(labels('is:'), ['unresolved', 'resolved', 'ignored', 'assigned', 'unassigned', 'regressed', 'for_review']);
  assert.deepEqual(labels('is:re'), ['resolved', 'regressed', 'unresolved', 'ignored', 'for_review']);
  assert.deepEqual(range('is:re'), [3, 5]);
  assert.deepEqual(labels('level:'), ['fatal', 'error', 'warning', 'info', 'debug', 'custom']);
  const s = at('is:unr');
  assert.deepEqual(s.suggestions, [{ label: 'unresolved', insert: 'unresolved', kind: 'value', description: 'Open issues' }]);
});

test('list items are completed one at a time', () => {
  assert.deepEqual(labels('level:[error, f'), ['fatal']);
  assert.deepEqual(range('level:[error, f'), [14, 15]);
  assert.deepEqual(range('level:[error, f]', 15), [14, 15]);
  assert.deepEqual(range('level:[er, fatal]', 8), [7, 9]);
  assert.deepEqual(
    at('browser:[Chrome, Fi').suggestions.map((x) => x.insert),
    ['"Firefox 1"'],
  );
});

test('assigned, release, has and tags get their own values', () => {
  assert.deepEqual(labels('assigned:'), ['me', 'none', 'my_teams']);
  assert.deepEqual(labels('release:'), ['latest', '1.0.0', '1.1.0']);
  assert.deepEqual(labels('has:'), ['browser', 'level', 'release', 'server_name']);
  assert.deepEqual(labels('tags[server_name]:w'), ['web-1']);
  const quoted = at('browser:"Fi');
  assert.deepEqual([quoted.replaceFrom, quoted.replaceTo], [8, 11]);
  assert.deepEqual(
    quoted.suggestions.map((x) => x.insert),
    ['"Firefox 1"'],
  );
  assert.deepEqual(labels('unknown_tag:'), []);
});

test('comparable keys offer operators first; date keys also relative examples', () => {
  const times = at('timesSeen:');
  assert.deepEqual(
    times.suggestions.map((x) => [x.kind, x.label]),
    [
      ['operator', '>'],
      ['operator', '>='],
      ['operator', '<'],
      ['operator', '<='],
    ],
  );
  assert.deepEqual(labels('firstSeen:'), ['>', '>=', '<', '<=', '-1h', '-24h', '-7d', '-30d', '+7d', '+30d']);
  assert.deepEqual(labels('lastSeen:-'), ['-1h', '-24h', '-7d', '-30d']);
  assert.deepEqual(labels('lastSeen:>'), [], 'after an operator only a date fits');
});

test('the term under the cursor is completed, even in the middle of the query', () => {
  const s = at('is:un level:error', 5);
  assert.deepEqual([s.replaceFrom, s.replaceTo], [3, 5]);
  assert.deepEqual(
    s.suggestions.map((x) => x.label),
    ['unresolved', 'unassigned'],
  );
});

test('free text, odd cursors and odd input give no suggestions rather than errors', () => {
  assert.deepEqual(at('"foo'), { replaceFrom: 4, replaceTo: 4, suggestions: [] });
  assert.deepEqual(range('lev', 99), [0, 3]);
  assert.deepEqual(range('lev', -3), [0, 3]);
  assert.deepEqual(range('lev', Number.NaN), [0, 3]);
  assert.deepEqual(suggestQuery('has:', 4, null as unknown as KnownTag[]).suggestions, []);
});
