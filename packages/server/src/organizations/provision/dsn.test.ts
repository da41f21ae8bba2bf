import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDsn, ingestBaseUrl } from './dsn.js';
import { isValidSlug, slugify } from './slug.js';

const key = { publicKey: '0123456789abcdef0123456789abcdef', projectId: 42 };

describe('formatDsn (the DSN form SDKs parse)', () => {
  it('puts the public key as user and the project id as the last path segment', () => {
    assert.equal(formatDsn('http://localhost:8000', key), 'http://0123456789abcdef0123456789abcdef@localhost:8000/42');
    assert.equal(formatDsn('https://errors.example.com', key), 'https://0123456789abcdef0123456789abcdef@errors.example.com/42');
  });

  it('keeps a path prefix of the public URL before the project id', () => {
    const dsn = formatDsn('https://example.com/sentry/', key);
    assert.equal(dsn, 'https://0123456789abcdef0123456789abcdef@example.com/sentry/42');
    const u = new URL(dsn);
    assert.equal(u.username, key.publicKey);
    assert.equal(u.pathname, '/sentry/42');
  });

  it('builds ingest URLs under /api/{project_id}', () => {
    assert.equal(ingestBaseUrl('https://example.com/sentry/', 42), 'https://example.com/sentry/api/42');
    assert.equal(ingestBaseUrl('http://127.0.0.1:9000', 7), 'http://127.0.0.1:9000/api/7');
  });
});

describe('slugs', () => {
  it('accepts lowercase letters, digits, - and _, not all digits', () => {
    for (const ok of ['acme', 'my-app', 'a_b', '9lives', 'x']) assert.equal(isValidSlug(ok), true, ok);
    for (const bad of ['', 'Acme', '-x', '_x', '42', 'a b', 'a/b', 'x'.repeat(51)]) assert.equal(isValidSlug(bad), false, bad);
  });

  it('slugifies names into valid slugs', () => {
    for (const [name, slug] of [
      ['My App', 'my-app'],
      ['  Über Service!  ', 'ber-service'],
      ['2024', 'p-2024'],
      ['!!!', 'p-project'],
    ] as const) {
      assert.equal(slugify(name), slug, name);
      assert.equal(isValidSlug(slugify(name)), true, name);
    }
  });
});
