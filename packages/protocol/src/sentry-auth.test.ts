import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAuthorizationHeader, parseSentryAuthHeader, parseSentryAuthQuery, type SentryAuth } from './sentry-auth.js';

const auth = (r: ReturnType<typeof parseSentryAuthHeader>): SentryAuth => {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.auth;
};

test('X-Sentry-Auth as Python and sentry-cli send it [py/*] [cli2/015]', () => {
  assert.deepEqual(auth(parseSentryAuthHeader('Sentry sentry_key=publickey, sentry_version=7, sentry_client=sentry.python/1.9.10')), {
    publicKey: 'publickey',
    version: 7,
    client: 'sentry.python/1.9.10',
  });
  assert.deepEqual(
    auth(parseSentryAuthHeader('Sentry sentry_key=publickey, sentry_version=7, sentry_timestamp=1795275094.4903643, sentry_client=sentry-cli/x86_64')),
    { publicKey: 'publickey', version: 7, timestamp: 1795275094.4903643, client: 'sentry-cli/x86_64' },
  );
});

test('tolerant: optional/odd-cased prefix, spacing, secret, unknown keys, first value wins', () => {
  const expected = { publicKey: 'abc', version: 7, secretKey: 's3' };
  for (const value of [
    'sentry_key=abc,sentry_version=7,sentry_secret=s3',
    'SENTRY   sentry_key = abc ,  sentry_version= 7 ,sentry_secret=s3, sentry_future=x',
    '  sentry sentry_version=7, sentry_key=abc, sentry_key=other, sentry_secret=s3,,junk',
  ]) {
    assert.deepEqual(auth(parseSentryAuthHeader(value)), expected, value);
  }
  // `=` inside a value belongs to the value.
  assert.equal(auth(parseSentryAuthHeader('Sentry sentry_key=a=b')).publicKey, 'a=b');
  // A non-integer version is reported as absent, not guessed.
  assert.equal(auth(parseSentryAuthHeader('Sentry sentry_key=k, sentry_version=7.1')).version, undefined);
  assert.equal(auth(parseSentryAuthHeader('Sentry sentry_key=k, sentry_timestamp=soon')).timestamp, undefined);
});

test('missing or empty sentry_key fails', () => {
  for (const value of ['', 'Sentry', 'Sentry sentry_version=7', 'Sentry sentry_key=, sentry_version=7', 'Sentry sentry_key']) {
    assert.deepEqual(parseSentryAuthHeader(value), { ok: false, reason: 'missing sentry_key' }, value);
  }
});

test('Authorization: Sentry and Basic schemes only', () => {
  assert.equal(auth(parseAuthorizationHeader('sentry sentry_key=abc, sentry_version=7')).publicKey, 'abc');
  assert.deepEqual(auth(parseAuthorizationHeader(`Basic ${btoa('abc:')}`)), { publicKey: 'abc' });
  assert.deepEqual(auth(parseAuthorizationHeader(`basic ${btoa('abc:ignored')}`)), { publicKey: 'abc' });
  const bearer = parseAuthorizationHeader('Bearer test');
  assert.equal(bearer.ok, false);
  if (!bearer.ok) assert.match(bearer.reason, /does not use the Sentry or Basic scheme/);
  assert.equal(parseAuthorizationHeader('Basic %%%').ok, false);
  assert.deepEqual(parseAuthorizationHeader(`Basic ${btoa(':x')}`), { ok: false, reason: 'missing sentry_key' });
  // `sentry_key=…` alone is not the Sentry scheme in an Authorization header.
  assert.equal(parseAuthorizationHeader('sentry_key=abc').ok, false);
});

test('query string, as every JS SDK sends it [node8/*] [browser/*]', () => {
  const url = new URL('http://h/api/1/envelope/?sentry_version=7&sentry_key=publickey&sentry_client=sentry.javascript.node%2F8.55.2');
  const expected = { publicKey: 'publickey', version: 7, client: 'sentry.javascript.node/8.55.2' };
  assert.deepEqual(auth(parseSentryAuthQuery(url.searchParams)), expected);
  assert.deepEqual(auth(parseSentryAuthQuery(Object.fromEntries(url.searchParams))), expected);
  assert.equal(auth(parseSentryAuthQuery({ sentry_key: ['first', 'second'] })).publicKey, 'first');
  assert.deepEqual(parseSentryAuthQuery({ foo: 'bar' }), { ok: false, reason: 'missing sentry_key' });
  assert.deepEqual(parseSentryAuthQuery({ sentry_key: [] }), { ok: false, reason: 'missing sentry_key' });
  assert.deepEqual(parseSentryAuthQuery(new URLSearchParams('')), { ok: false, reason: 'missing sentry_key' });
});
