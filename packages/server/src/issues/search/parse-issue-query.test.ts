import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_QUERY_LENGTH } from './issue-query.js';
import { parseIssueQuery } from './parse-issue-query.js';
import { queryErrorDetail } from './query-error-detail.js';
import { DAY, HOUR, MINUTE, NOW, plain } from './search-fixtures.test-support.js';

const ex = (value: string) => ({ type: 'exact', value });
const glob = (...parts: string[]) => ({ type: 'glob', parts });
const q = (filters: object[], text: string[] = []) => ({ filters, text });
const f = (kind: string, rest: object, negated = false) => ({ negated, kind, ...rest });
const JAN1 = Date.UTC(2026, 0, 1);

// [query, expected query with spans left out]
const ACCEPTED: [string, unknown][] = [
  ['', q([])],
  ['   \t ', q([])],
  ['is:unresolved', q([f('status', { status: 'unresolved' })])],
  ['is:resolved', q([f('status', { status: 'resolved' })])],
  ['is:ignored is:muted is:archived', q([0, 1, 2].map(() => f('status', { status: 'ignored' })))],
  ['is:RESOLVED', q([f('status', { status: 'resolved' })])],
  ['!is:resolved', q([f('status', { status: 'resolved' }, true)])],
  ['is:assigned is:unassigned', q([f('flag', { flag: 'assigned' }), f('flag', { flag: 'unassigned' })])],
  ['is:regressed is:for_review', q([f('flag', { flag: 'regressed' }), f('flag', { flag: 'for_review' })])],
  ['level:error', q([f('level', { levels: ['error'] })])],
  ['level:warn level:Critical level:log', q([f('level', { levels: ['warning'] }), f('level', { levels: ['fatal'] }), f('level', { levels: ['info'] })])],
  ['level:[error, fatal]', q([f('level', { levels: ['error', 'fatal'] })])],
  ['!level:[ debug ,info ]', q([f('level', { levels: ['debug', 'info'] }, true)])],
  ['environment:production', q([f('environment', { values: [ex('production')] })])],
  ['environment:[prod, "staging eu", dev*]', q([f('environment', { values: [ex('prod'), ex('staging eu'), glob('dev', '')] })])],
  ['release:1.2.3', q([f('release', { field: 'release', values: [ex('1.2.3')] })])],
  ['release:latest', q([f('release', { field: 'release', values: [{ type: 'latest' }] })])],
  ['release:"latest"', q([f('release', { field: 'release', values: [ex('latest')] })])],
  [
    'firstRelease:backend@2.0 first-release:latest',
    q([f('release', { field: 'firstRelease', values: [ex('backend@2.0')] }), f('release', { field: 'firstRelease', values: [{ type: 'latest' }] })]),
  ],
  ['dist:42', q([f('tag', { key: 'dist', values: [ex('42')] })])],
  [
    'user.id:42 user.email:*@example.com',
    q([f('user', { field: 'id', values: [ex('42')] }), f('user', { field: 'email', values: [glob('', '@example.com')] })]),
  ],
  [
    'user.username:"Jane Doe" !user.ip:10.0.0.1',
    q([f('user', { field: 'username', values: [ex('Jane Doe')] }), f('user', { field: 'ip', values: [ex('10.0.0.1')] }, true)]),
  ],
  ['assigned:me', q([f('assigned', { key: 'assigned', assignees: [{ type: 'me' }] })])],
  [
    'assigned:#backend assigned:jane@example.com assigned:NONE',
    q([
      f('assigned', { key: 'assigned', assignees: [{ type: 'team', slug: 'backend' }] }),
      f('assigned', { key: 'assigned', assignees: [{ type: 'user', value: 'jane@example.com' }] }),
      f('assigned', { key: 'assigned', assignees: [{ type: 'none' }] }),
    ]),
  ],
  [
    'assigned_or_suggested:[me, my_teams, none]',
    q([f('assigned', { key: 'assigned_or_suggested', assignees: [{ type: 'me' }, { type: 'my_teams' }, { type: 'none' }] })]),
  ],
  ['issue.id:12 id:[1, 2]', q([f('issueId', { ids: [12] }), f('issueId', { ids: [1, 2] })])],
  ['issue:backend-1a', q([f('shortId', { shortIds: ['BACKEND-1A'] })])],
  [
    'message:timeout title:"TypeError: x is undefined" culprit:checkout*',
    q([
      f('text', { field: 'message', values: [ex('timeout')] }),
      f('text', { field: 'title', values: [ex('TypeError: x is undefined')] }),
      f('text', { field: 'culprit', values: [glob('checkout', '')] }),
    ]),
  ],
  [
    'firstSeen:-24h',
    q([
      f('time', {
        key: 'firstSeen',
        field: 'firstSeen',
        value: { type: 'relative', sign: '-', amount: 24, unit: 'h' },
        range: { from: NOW - 24 * HOUR, to: null },
      }),
    ]),
  ],
  [
    'firstSeen:+7d',
    q([
      f('time', {
        key: 'firstSeen',
        field: 'firstSeen',
        value: { type: 'relative', sign: '+', amount: 7, unit: 'd' },
        range: { from: null, to: NOW - 7 * DAY },
      }),
    ]),
  ],
  [
    'age:-30m',
    q([
      f('time', {
        key: 'age',
        field: 'firstSeen',
        value: { type: 'relative', sign: '-', amount: 30, unit: 'm' },
        range: { from: NOW - 30 * MINUTE, to: null },
      }),
    ]),
  ],
  [
    'lastSeen:-2w !lastSeen:+10s',
    q([
      f('time', {
        key: 'lastSeen',
        field: 'lastSeen',
        value: { type: 'relative', sign: '-', amount: 2, unit: 'w' },
        range: { from: NOW - 14 * DAY, to: null },
      }),
      f(
        'time',
        { key: 'lastSeen', field: 'lastSeen', value: { type: 'relative', sign: '+', amount: 10, unit: 's' }, range: { from: null, to: NOW - 10_000 } },
        true,
      ),
    ]),
  ],
  [
    'lastSeen:>2026-01-01',
    q([f('time', { key: 'lastSeen', field: 'lastSeen', value: { type: 'absolute', op: '>', ms: JAN1, dateOnly: true }, range: { from: JAN1 + 1, to: null } })]),
  ],
  [
    'firstSeen:2026-01-01',
    q([
      f('time', {
        key: 'firstSeen',
        field: 'firstSeen',
        value: { type: 'absolute', op: '=', ms: JAN1, dateOnly: true },
        range: { from: JAN1, to: JAN1 + DAY },
      }),
    ]),
  ],
  [
    'lastSeen:<=2026-01-01T10:00:00Z',
    q([
      f('time', {
        key: 'lastSeen',
        field: 'lastSeen',
        value: { type: 'absolute', op: '<=', ms: JAN1 + 10 * HOUR, dateOnly: false },
        range: { from: null, to: JAN1 + 10 * HOUR + 1 },
      }),
    ]),
  ],
  [
    'firstSeen:2026-01-01T10:00:00.5+02:00',
    q([
      f('time', {
        key: 'firstSeen',
        field: 'firstSeen',
        value: { type: 'absolute', op: '=', ms: JAN1 + 8 * HOUR + 500, dateOnly: false },
        range: { from: JAN1 + 8 * HOUR + 500 - 5 * MINUTE, to: JAN1 + 8 * HOUR + 500 + 5 * MINUTE },
      }),
    ]),
  ],
  [
    'lastSeen:>=2026-01-01T10:00 lastSeen:<2026-01-02',
    q([
      f('time', {
        key: 'lastSeen',
        field: 'lastSeen',
        value: { type: 'absolute', op: '>=', ms: JAN1 + 10 * HOUR, dateOnly: false },
        range: { from: JAN1 + 10 * HOUR, to: null },
      }),
      f('time', {
        key: 'lastSeen',
        field: 'lastSeen',
        value: { type: 'absolute', op: '<', ms: JAN1 + DAY, dateOnly: true },
        range: { from: null, to: JAN1 + DAY },
      }),
    ]),
  ],
  [
    'timesSeen:>10 timesSeen:10 timesSeen:=10',
    q([
      f('count', { field: 'timesSeen', op: '>', value: 10 }),
      f('count', { field: 'timesSeen', op: '=', value: 10 }),
      f('count', { field: 'timesSeen', op: '=', value: 10 }),
    ]),
  ],
  [
    'timesSeen:>=1.5k timesSeen:<2M timesSeen:<=0 userCount:>3',
    q([
      f('count', { field: 'timesSeen', op: '>=', value: 1500 }),
      f('count', { field: 'timesSeen', op: '<', value: 2_000_000 }),
      f('count', { field: 'timesSeen', op: '<=', value: 0 }),
      f('count', { field: 'userCount', op: '>', value: 3 }),
    ]),
  ],
  ['has:browser !has:os', q([f('has', { key: 'browser' }), f('has', { key: 'os' }, true)])],
  [
    'browser.name:Chrome server_name:web-1 transaction:/checkout',
    q([
      f('tag', { key: 'browser.name', values: [ex('Chrome')] }),
      f('tag', { key: 'server_name', values: [ex('web-1')] }),
      f('tag', { key: 'transaction', values: [ex('/checkout')] }),
    ]),
  ],
  [
    '!browser:"Safari 11*" url:"https://x.test/a b"',
    q([f('tag', { key: 'browser', values: [glob('Safari 11', '')] }, true), f('tag', { key: 'url', values: [ex('https://x.test/a b')] })]),
  ],
  [
    'tags[is]:x tags[a:b]:"c d" event.type:error',
    q([f('tag', { key: 'is', values: [ex('x')] }), f('tag', { key: 'a:b', values: [ex('c d')] }), f('tag', { key: 'event.type', values: [ex('error')] })]),
  ],
  ['k:"say \\"hi\\" \\\\ there"', q([f('tag', { key: 'k', values: [ex('say "hi" \\ there')] })])],
  [
    'k:a\\*b k:a*b k:*',
    q([f('tag', { key: 'k', values: [ex('a*b')] }), f('tag', { key: 'k', values: [glob('a', 'b')] }), f('tag', { key: 'k', values: [glob('', '')] })]),
  ],
  [
    'path:C:\\temp k:-24h k:a,b',
    q([f('tag', { key: 'path', values: [ex('C:\\temp')] }), f('tag', { key: 'k', values: [ex('-24h')] }), f('tag', { key: 'k', values: [ex('a,b')] })]),
  ],
  ['timed out', q([], ['timed', 'out'])],
  ['"timed out" Error "say \\"hi\\"" ""', q([], ['timed out', 'Error', 'say "hi"'])],
  ['is:unresolved Error level:error "db down" (x)', q([f('status', { status: 'unresolved' }), f('level', { levels: ['error'] })], ['Error', 'db down', '(x)'])],
  // Like Sentry: an unquoted URL reads as a key `http` (quote it to search the text).
  ['http://example.com', q([f('tag', { key: 'http', values: [ex('//example.com')] })])],
  ['"http://example.com" "OR" a"b :x', q([], ['http://example.com', 'OR', 'a"b', ':x'])],
];

// [query, message pattern, position, length]
const REFUSED: [string, RegExp, number, number][] = [
  ['level:', /^level: needs a value/, 0, 6],
  ['is:resolved level:', /^level: needs a value/, 12, 6],
  ['TypeError: x', /TypeError: needs a value; to search for the text "TypeError:", put it in quotes/, 0, 10],
  ['is:', /^is: needs a value/, 0, 3],
  ['is:foo', /^unknown is: value "foo"; use one of: unresolved, resolved, ignored \(or muted, archived\), assigned, unassigned, regressed, for_review$/, 3, 3],
  ['level:fatl', /^unknown level "fatl"; use one of: fatal, error, warning, info, debug$/, 6, 4],
  ['level:[error, nope]', /unknown level "nope"/, 14, 4],
  ['timesSeen:>ten', /timesSeen: expects a whole number such as 10 or 1k, got "ten"/, 11, 3],
  ['timesSeen:1.5', /whole number/, 10, 3],
  ['timesSeen:>', /timesSeen:> needs a value after >/, 0, 11],
  ['firstSeen:-24x', /firstSeen: expects a relative time/, 10, 4],
  ['firstSeen:24h', /relative times need a sign: firstSeen:-24h/, 10, 3],
  ['lastSeen:>-24h', /relative times take no operator/, 10, 4],
  ['age:-9999999d', /relative time too large/, 4, 9],
  ['lastSeen:2026-02-30', /lastSeen: expects a relative time .* or a date/, 9, 10],
  ['lastSeen:2026-01-01T24:00', /expects a relative time/, 9, 16],
  ['url:"abc', /^unterminated quote/, 4, 4],
  ['"abc def', /^unterminated quote/, 0, 8],
  ['k:"a\\"', /^unterminated quote/, 2, 4],
  ['level:[error, fatal', /^unterminated list/, 6, 13],
  ['level:[]', /^empty list/, 6, 2],
  ['level:[error,,fatal]', /^empty value in list/, 13, 1],
  ['level:[error fatal]', /^expected , or \] in list/, 13, 1],
  ['level:>error', /^level: does not take >: only firstSeen, lastSeen, age, timesSeen, userCount compare; quote the value to search for ">"$/, 6, 1],
  ['browser:>=5', /browser: does not take >=/, 8, 2],
  ['is:[resolved, ignored]', /is: takes a single value, not a list/, 3, 19],
  ['has:brow*', /has: does not accept wildcards/, 4, 5],
  ['x:"a"b', /expected a space after the closing quote/, 5, 1],
  ['"a"b', /expected a space after the closing quote/, 3, 1],
  ['foo OR bar', /^OR is not supported in issue search/, 4, 2],
  ['!foo', /^! negates key:value filters only/, 0, 4],
  ['k:""', /k: needs a value \(for "not set", use !has:key\)/, 2, 2],
  ['issue.id:abc', /issue.id: expects a numeric issue id/, 9, 3],
  ['id:0', /expects a numeric issue id/, 3, 1],
  ['issue:nope', /issue: expects a short issue id such as BACKEND-1A/, 6, 4],
  ['assigned:#', /needs a team slug/, 9, 1],
  ['bookmarks:me', /^bookmarks: is not supported: .*tags\[bookmarks\]:value/, 0, 10],
  ['tags[]:x', /^tags\[\] needs a tag key/, 0, 7],
];

test(`accepted queries parse to the expected AST (${ACCEPTED.length} cases)`, () => {
  for (const [text, expected] of ACCEPTED) {
    const r = parseIssueQuery(text, NOW);
    assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
    assert.deepEqual(plain(r.query), expected, text);
  }
});

test(`refused queries say what and where (${REFUSED.length} cases)`, () => {
  for (const [text, message, position, length] of REFUSED) {
    const r = parseIssueQuery(text, NOW);
    assert.equal(r.ok, false, `${text} should be refused`);
    if (r.ok) continue;
    assert.match(r.error.message, message, text);
    assert.deepEqual([r.error.position, r.error.length], [position, length], `${text}: ${r.error.message}`);
  }
});

test('spans cover each whole term, negation included', () => {
  const text = 'is:unresolved  !level:[error, fatal] "a b" k:"x y"';
  const r = parseIssueQuery(text, NOW);
  assert.ok(r.ok);
  const covered = r.query.filters.map((x) => text.slice(x.span.position, x.span.position + x.span.length));
  assert.deepEqual(covered, ['is:unresolved', '!level:[error, fatal]', 'k:"x y"']);
});

test('over-long queries and non-string input are refused, not thrown', () => {
  const long = parseIssueQuery('a '.repeat(MAX_QUERY_LENGTH), NOW);
  assert.equal(long.ok, false);
  if (!long.ok) assert.match(long.error.message, /too long/);
  const notText = parseIssueQuery(undefined as unknown as string, NOW);
  assert.deepEqual(notText, { ok: false, error: { message: 'the query must be a string', position: 0, length: 0 } });
});

test('relative times move with now', () => {
  const a = parseIssueQuery('lastSeen:-1h', NOW);
  const b = parseIssueQuery('lastSeen:-1h', NOW + 5 * MINUTE);
  assert.ok(a.ok && b.ok);
  const range = (r: typeof a) => (r.ok && r.query.filters[0]?.kind === 'time' ? r.query.filters[0].range : null);
  assert.deepEqual(range(a), { from: NOW - HOUR, to: null });
  assert.deepEqual(range(b), { from: NOW - HOUR + 5 * MINUTE, to: null });
});

test('a refusal reads as a 400 detail with the reason and the place', () => {
  const text = 'is:unresolved is:foo';
  const r = parseIssueQuery(text, NOW);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(
    queryErrorDetail(r.error, text),
    'Error parsing search query: unknown is: value "foo"; use one of: unresolved, resolved, ignored (or muted, archived), assigned, unassigned, regressed, for_review (at character 18: "foo")',
  );
  assert.equal(
    queryErrorDetail({ message: 'the query must be a string', position: 0, length: 0 }, ''),
    'Error parsing search query: the query must be a string (at character 1)',
  );
});
