import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatIssueFilter, formatIssueQuery } from './format-issue-query.js';
import {
  type Assignee,
  ISSUE_FLAGS,
  ISSUE_LEVELS,
  ISSUE_STATUSES,
  type IssueFilter,
  type IssueQuery,
  type StringMatch,
  type TimeValue,
} from './issue-query.js';
import { parseIssueQuery } from './parse-issue-query.js';
import { DAY, NOW, plain } from './search-fixtures.test-support.js';
import { suggestQuery } from './suggest-query.js';
import { timeRange } from './time-value.js';

// Characters that exercise every branch of the tokenizer and of the formatter's quoting.
const TRICKY = ['a', 'B', '1', ' ', '\t', '"', '\\', '*', ',', '[', ']', ':', '!', '<', '>', '=', '#', '-', '+', '.', '_', 'é', '💥', '\n'];
const trickyString = (minLength: number) => fc.string({ unit: fc.constantFrom(...TRICKY), minLength, maxLength: 8 });
const queryish = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .array(fc.oneof(trickyString(0), fc.constantFrom('is:', 'level:', 'tags[', 'timesSeen:>', 'firstSeen:-', '"', '[', '!', 'has:', ' ')), { maxLength: 12 })
    .map((p) => p.join('')),
);

test('parseIssueQuery never throws and errors point inside the text', () => {
  fc.assert(
    fc.property(queryish, (text) => {
      const r = parseIssueQuery(text, NOW);
      if (r.ok) return;
      assert.ok(r.error.message.length > 0);
      assert.ok(r.error.position >= 0 && r.error.length >= 0 && r.error.position + r.error.length <= text.length, JSON.stringify({ text, e: r.error }));
    }),
    { numRuns: 3000 },
  );
});

test('whatever parses, formats to text that parses to the same AST (idempotent)', () => {
  fc.assert(
    fc.property(queryish, (text) => {
      const first = parseIssueQuery(text, NOW);
      if (!first.ok) return;
      const again = parseIssueQuery(formatIssueQuery(first.query), NOW);
      assert.ok(again.ok, formatIssueQuery(first.query));
      assert.deepEqual(plain(again.query), plain(first.query));
    }),
    { numRuns: 3000 },
  );
});

const nonEmpty = trickyString(1);
const stringMatch: fc.Arbitrary<StringMatch> = fc.oneof(
  nonEmpty.map((value) => ({ type: 'exact' as const, value })),
  fc.array(trickyString(0), { minLength: 2, maxLength: 3 }).map((parts) => ({ type: 'glob' as const, parts })),
);
const values = fc.array(stringMatch, { minLength: 1, maxLength: 3 });
const assignee: fc.Arbitrary<Assignee> = fc.oneof(
  fc.constantFrom<Assignee>({ type: 'me' }, { type: 'none' }, { type: 'my_teams' }),
  nonEmpty.map((slug) => ({ type: 'team' as const, slug })),
  // A user literally named like a keyword or a team cannot be written; the parser never yields one.
  nonEmpty.filter((v) => !['me', 'none', 'my_teams'].includes(v.toLowerCase()) && !v.startsWith('#')).map((value) => ({ type: 'user' as const, value })),
);
const op = fc.constantFrom('=' as const, '>' as const, '>=' as const, '<' as const, '<=' as const);
const timeValue: fc.Arbitrary<TimeValue> = fc.oneof(
  fc.record({
    type: fc.constant('relative' as const),
    sign: fc.constantFrom('-' as const, '+' as const),
    amount: fc.integer({ min: 0, max: 999_999 }),
    unit: fc.constantFrom('s' as const, 'm' as const, 'h' as const, 'd' as const, 'w' as const),
  }),
  fc.record({ type: fc.constant('absolute' as const), op, ms: fc.integer({ min: 0, max: 50_000 }).map((d) => d * DAY), dateOnly: fc.constant(true) }),
  fc.record({
    type: fc.constant('absolute' as const),
    op,
    ms: fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }),
    dateOnly: fc.constant(false),
  }),
);
const tagKey = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,10}$/),
  fc.constantFrom('is', 'level', 'id', 'first-release', 'bookmarks', 'tags', 'a:b', '!x'),
  trickyString(1).filter((k) => !/[\]\s]/.test(k)),
);

const body: fc.Arbitrary<Omit<IssueFilter, 'negated' | 'span'>> = fc.oneof(
  fc.constantFrom(...ISSUE_STATUSES).map((status) => ({ kind: 'status' as const, status })),
  fc.constantFrom(...ISSUE_FLAGS).map((flag) => ({ kind: 'flag' as const, flag })),
  fc.record({
    kind: fc.constant('assigned' as const),
    key: fc.constantFrom('assigned' as const, 'assigned_or_suggested' as const),
    assignees: fc.array(assignee, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('level' as const), levels: fc.array(fc.constantFrom(...ISSUE_LEVELS), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('environment' as const), values }),
  fc.record({
    kind: fc.constant('release' as const),
    field: fc.constantFrom('release' as const, 'firstRelease' as const),
    values: fc.array(fc.oneof(stringMatch, fc.constant({ type: 'latest' as const })), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('user' as const), field: fc.constantFrom('id' as const, 'email' as const, 'username' as const, 'ip' as const), values }),
  fc.record({ kind: fc.constant('text' as const), field: fc.constantFrom('message' as const, 'title' as const, 'culprit' as const), values }),
  fc.record({ key: fc.constantFrom('firstSeen' as const, 'lastSeen' as const, 'age' as const), value: timeValue }).map(({ key, value }) => ({
    kind: 'time' as const,
    key,
    field: key === 'lastSeen' ? ('lastSeen' as const) : ('firstSeen' as const),
    value,
    range: timeRange(value, NOW),
  })),
  fc.record({ kind: fc.constant('count' as const), field: fc.constantFrom('timesSeen' as const, 'userCount' as const), op, value: fc.maxSafeNat() }),
  fc.record({ kind: fc.constant('issueId' as const), ids: fc.array(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('shortId' as const),
    shortIds: fc.array(fc.stringMatching(/^[A-Z0-9][A-Z0-9_.-]{0,6}-[A-Z0-9]{1,4}$/), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('tag' as const), key: tagKey, values }),
  fc.record({ kind: fc.constant('has' as const), key: nonEmpty }),
);
const filter = fc.tuple(body, fc.boolean()).map(([b, negated]) => ({ negated, span: { position: 0, length: 0 }, ...b }) as IssueFilter);
const issueQuery: fc.Arbitrary<IssueQuery> = fc.record({ filters: fc.array(filter, { maxLength: 5 }), text: fc.array(nonEmpty, { maxLength: 3 }) });

test('parse(format(ast)) gives back every generated AST, with spans on the formatted terms', () => {
  fc.assert(
    fc.property(issueQuery, (query) => {
      const text = formatIssueQuery(query);
      const r = parseIssueQuery(text, NOW);
      assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
      assert.deepEqual(plain(r.query), plain(query), text);
      r.query.filters.forEach((parsed, i) => {
        assert.equal(text.slice(parsed.span.position, parsed.span.position + parsed.span.length), formatIssueFilter(query.filters[i] as IssueFilter));
      });
    }),
    { numRuns: 3000 },
  );
});

test('suggestQuery never throws and its range lies inside the text', () => {
  const tags = fc.array(fc.record({ key: trickyString(0), topValues: fc.array(trickyString(0), { maxLength: 3 }) }), { maxLength: 3 });
  fc.assert(
    fc.property(queryish, fc.integer({ min: -5, max: 80 }), tags, (text, cursor, known) => {
      const s = suggestQuery(text, cursor, known);
      assert.ok(0 <= s.replaceFrom && s.replaceFrom <= s.replaceTo && s.replaceTo <= text.length, JSON.stringify({ text, cursor, s }));
    }),
    { numRuns: 3000 },
  );
});
