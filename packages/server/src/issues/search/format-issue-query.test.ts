import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIssueQuery, formatLiteral } from './format-issue-query.js';
import { parseIssueQuery } from './parse-issue-query.js';
import { NOW } from './search-fixtures.test-support.js';

function reformat(text: string): string {
  const r = parseIssueQuery(text, NOW);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
  return formatIssueQuery(r.query);
}

test('formatting is canonical: main key names, canonical values, filters before free text', () => {
  const cases: [string, string][] = [
    ['is:muted  is:ARCHIVED', 'is:ignored is:ignored'],
    ['id:1 first-release:a first_release:b', 'issue.id:1 firstRelease:a firstRelease:b'],
    ['level:warn level:[critical,log]', 'level:warning level:[fatal, info]'],
    ['timesSeen:=5 timesSeen:>1k', 'timesSeen:5 timesSeen:>1000'],
    ['lastSeen:2026-01-01T10:00:00+02:00 firstSeen:=2026-01-01', 'lastSeen:2026-01-01T08:00:00.000Z firstSeen:2026-01-01'],
    ['error is:unresolved "db down"', 'is:unresolved error "db down"'],
    ['assigned:ME assigned:[#ops,none]', 'assigned:me assigned:[#ops, none]'],
    ['issue:proj-1a', 'issue:PROJ-1A'],
  ];
  for (const [input, expected] of cases) assert.equal(reformat(input), expected, input);
});

test('values are quoted and escaped only where the syntax needs it', () => {
  const cases: [string, string][] = [
    ['url:"https://x.test/a"', 'url:https://x.test/a'],
    ['k:"a b"', 'k:"a b"'],
    ['k:"say \\"hi\\""', 'k:"say \\"hi\\""'],
    ['k:"a\\"b"', 'k:a\\"b'],
    ['k:a\\*b k:a*b', 'k:a\\*b k:a*b'],
    ['k:"[x" k:">5" k:"=a"', 'k:"[x" k:">5" k:"=a"'],
    ['k:a,b k:[a, "b,c", "d]"]', 'k:a,b k:[a, "b,c", "d]"]'],
    ['release:"latest" release:latest', 'release:"latest" release:latest'],
    ['tags[level]:x tags[a:b]:y tags[browser]:z', 'tags[level]:x tags[a:b]:y browser:z'],
    ['"a:b" "OR" "!x" "two words" "q\\"uote"', '"a:b" "OR" "!x" "two words" q"uote'],
  ];
  for (const [input, expected] of cases) assert.equal(reformat(input), expected, input);
  assert.equal(formatLiteral('Firefox 1'), '"Firefox 1"');
  assert.equal(formatLiteral('a,b', true), '"a,b"');
  assert.equal(formatLiteral('a,b'), 'a,b');
});

test('removing a chip rewrites the rest of the query unchanged in meaning', () => {
  const r = parseIssueQuery('is:unresolved !browser:"Safari 11*" level:[error, fatal] timed out', NOW);
  assert.ok(r.ok);
  const withoutBrowser = { ...r.query, filters: r.query.filters.filter((x) => x.kind !== 'tag') };
  assert.equal(formatIssueQuery(withoutBrowser), 'is:unresolved level:[error, fatal] timed out');
  assert.equal(formatIssueQuery({ filters: [], text: [] }), '');
});
