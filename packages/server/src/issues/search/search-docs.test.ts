import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ISSUE_FLAGS, ISSUE_LEVELS, ISSUE_STATUSES } from './issue-query.js';
import { parseIssueQuery } from './parse-issue-query.js';
import { ISSUE_SORTS } from './parse-issue-sort.js';
import { NOW } from './search-fixtures.test-support.js';
import { SEARCH_KEYS, UNSUPPORTED_KEYS } from './search-keys.js';

// From packages/server/dist/issues/search/ to the repository's docs/.
const doc = readFileSync(new URL('../../../../../docs/search.md', import.meta.url), 'utf8');

test('docs/search.md covers every key, alias, is: value, level and sort', () => {
  for (const key of SEARCH_KEYS) {
    for (const name of [key.name, ...key.aliases]) assert.ok(doc.includes(`\`${name}:`), `docs/search.md does not mention ${name}:`);
  }
  for (const name of UNSUPPORTED_KEYS.keys()) assert.ok(doc.includes(`\`${name}:\``), `docs/search.md does not list refused key ${name}:`);
  for (const value of [...ISSUE_STATUSES, ...ISSUE_FLAGS]) assert.ok(doc.includes(`\`is:${value}\``), `docs/search.md does not explain is:${value}`);
  for (const level of ISSUE_LEVELS) assert.ok(doc.includes(`\`${level}\``), `docs/search.md does not list level ${level}`);
  for (const sort of Object.keys(ISSUE_SORTS)) assert.ok(doc.includes(`| \`${sort}\` |`), `docs/search.md does not explain sort=${sort}`);
});

test('every example in the key table and the search-keys table parses', () => {
  const examples = [...doc.matchAll(/^\| `[^`]+:` \| (.+?) \|/gm)].flatMap((m) => [...(m[1] as string).matchAll(/`([^`]+)`/g)].map((x) => x[1] as string));
  assert.ok(examples.length > 30, `found only ${examples.length} examples`);
  for (const example of [...examples, ...SEARCH_KEYS.map((k) => k.example)]) {
    const r = parseIssueQuery(example, NOW);
    assert.ok(r.ok, `${example}: ${r.ok ? '' : r.error.message}`);
  }
});
