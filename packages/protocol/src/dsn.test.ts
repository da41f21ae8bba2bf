import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Dsn, dsnBaseUrl, formatDsn, parseDsn } from './dsn.js';

const ok = (text: string): Dsn => {
  const r = parseDsn(text);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.dsn;
};

test('parses every DSN form an SDK accepts', () => {
  assert.deepEqual(ok('http://publickey@127.0.0.1:9000/1'), {
    protocol: 'http',
    publicKey: 'publickey',
    host: '127.0.0.1',
    port: 9000,
    pathPrefix: '',
    projectId: '1',
  });
  assert.deepEqual(ok('https://0123456789abcdef0123456789abcdef@errors.example.com/42'), {
    protocol: 'https',
    publicKey: '0123456789abcdef0123456789abcdef',
    host: 'errors.example.com',
    pathPrefix: '',
    projectId: '42',
  });
  assert.deepEqual(ok('https://key:secret@example.com/sentry/42'), {
    protocol: 'https',
    publicKey: 'key',
    secretKey: 'secret',
    host: 'example.com',
    pathPrefix: '/sentry',
    projectId: '42',
  });
  assert.equal(ok('https://key@[::1]:8443/a/b/7').host, '[::1]');
  assert.equal(ok('https://key@[::1]:8443/a/b/7').pathPrefix, '/a/b');
  // Like the JS SDK: leading digits of the last segment; query/fragment ignored.
  assert.equal(ok('https://key@example.com/42abc').projectId, '42');
  assert.equal(ok(' https://key@example.com/42?x=1#y ').projectId, '42');
  assert.equal(ok('https://key:@example.com/42').secretKey, undefined);
});

test('rejects malformed DSNs with reasons', () => {
  const cases: [string, RegExp][] = [
    ['', /must look like/],
    ['https://example.com/42', /must look like/],
    ['ftp://key@example.com/42', /must look like/],
    ['https://key@example.com', /must look like/],
    ['https://key@example.com/', /project id must be numeric/],
    ['https://key@example.com/abc', /project id must be numeric/],
    ['https://key@example.com/42/', /project id must be numeric/],
    ['https://key@example.com:99999/42', /port out of range/],
    ['https://ke-y@example.com/42', /must look like/],
    ['https://key@exa mple.com/42', /must look like/],
  ];
  for (const [text, reason] of cases) {
    const r = parseDsn(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.reason, reason);
  }
});

test('base URL the SDK puts in front of /api/', () => {
  assert.equal(dsnBaseUrl(ok('https://key@example.com:8443/sentry/42')), 'https://example.com:8443/sentry');
  assert.equal(dsnBaseUrl(ok('http://publickey@127.0.0.1:9000/1')), 'http://127.0.0.1:9000');
});

test('property: formatDsn and parseDsn round-trip', () => {
  const word = fc.stringMatching(/^\w{1,12}$/);
  const dsn = fc.record(
    {
      protocol: fc.constantFrom('http' as const, 'https' as const),
      publicKey: word,
      secretKey: word,
      host: fc.domain(),
      port: fc.integer({ min: 0, max: 65535 }),
      pathPrefix: fc.array(fc.stringMatching(/^[a-z0-9-]{1,6}$/), { maxLength: 3 }).map((s) => s.map((p) => `/${p}`).join('')),
      projectId: fc.stringMatching(/^[1-9]\d{0,8}$/),
    },
    { requiredKeys: ['protocol', 'publicKey', 'host', 'pathPrefix', 'projectId'] },
  );
  fc.assert(fc.property(dsn, (d) => assert.deepEqual(ok(formatDsn(d)), { ...d })));
});
