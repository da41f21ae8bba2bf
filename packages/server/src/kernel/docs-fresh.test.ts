import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderConfigDoc } from '../config/index.js';
import { renderErrorDoc } from './error-doc.js';
import { errorCatalogue } from './errors.js';

// From packages/server/dist/kernel/ to the repository's docs/.
const docs = new URL('../../../../docs/', import.meta.url);
const committed = (name: string) => readFileSync(new URL(name, docs), 'utf8');
const stale = (name: string) => `docs/${name} is out of date with the code: run \`npm run docs\` and commit the result`;

test('docs/config.md is what the config schema generates', () => {
  assert.equal(committed('config.md'), renderConfigDoc(), stale('config.md'));
});

test('docs/errors.md is what the error catalogue generates', () => {
  assert.equal(committed('errors.md'), renderErrorDoc(), stale('errors.md'));
});

test('the error reference lists every code with its status', () => {
  const doc = renderErrorDoc();
  for (const [code, { status }] of Object.entries(errorCatalogue)) {
    assert.match(doc, new RegExp(`^\\| \`${code}\` \\| ${status} \\| `, 'm'), `${code} missing from the error reference`);
  }
});
