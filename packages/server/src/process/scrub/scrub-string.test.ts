import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCRUB_SETTINGS } from './index.js';
import { keyRulesFor } from './key-rules.js';
import { passesLuhn, scrubString } from './scrub-string.js';

function scrub(text: string): [string, number] {
  const s = { rules: keyRulesFor(DEFAULT_SCRUB_SETTINGS), count: 0 };
  return [scrubString(text, s), s.count];
}

const F = '[Filtered]';

describe('scrubString', () => {
  const cases: readonly [string, string, string][] = [
    ['Visa, contiguous', 'card 4111111111111111 declined', `card ${F} declined`],
    ['Mastercard with dashes', 'pan=5555-5555-5555-4444', `pan=${F}`],
    ['Amex printed 4-6-5', 'amex 3782 822463 10005 ok', `amex ${F} ok`],
    ['grouped card followed by an expiry', '4111 1111 1111 1111 12/29', `${F} 12/29`],
    ['Luhn failure survives', 'order 4111111111111112 shipped', 'order 4111111111111112 shipped'],
    ['millisecond timestamps survive', 'at 1795275023390 and 1795275023391', 'at 1795275023390 and 1795275023391'],
    ['ids inside hex survive', 'trace 4111111111111111abcdef', 'trace 4111111111111111abcdef'],
    ['Bearer token', 'Authorization: Bearer eyJhbGciOi.J9eyJzd.WIiOiI0Mi', `Authorization: Bearer ${F}`],
    ['prose after Bearer survives', 'Bearer token missing', 'Bearer token missing'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz', `Basic ${F}`],
    ['prose after Basic survives', 'Basic usage: see docs', 'Basic usage: see docs'],
    ['URL password', 'redis://default:p4ssw0rd@cache:6379/0', `redis://default:${F}@cache:6379/0`],
    ['URL without password survives', 'http://publickey@127.0.0.1:9000/1', 'http://publickey@127.0.0.1:9000/1'],
    ['query parameters', 'https://x.io/cb?code=1&access_token=abc123&page=2', `https://x.io/cb?code=1&access_token=${F}&page=2`],
    ['cookie header string', 'sid=abc; session_token=xyz; theme=dark', `sid=abc; session_token=${F}; theme=dark`],
    ['log line', 'login ok user=jane password=hunter2', `login ok user=jane password=${F}`],
    ['JSON text', '{"user":"jane","password":"p\\"w","pin":1234,"apiKey":42}', `{"user":"jane","password":"${F}","pin":1234,"apiKey":"${F}"}`],
    ['PEM key', 'key: -----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY----- end', `key: ${F} end`],
    ['short strings are skipped', 'pw=x', 'pw=x'],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => {
      const [out, count] = scrub(input);
      assert.equal(out, expected);
      assert.equal(count, (expected.match(/\[Filtered\]/g) ?? []).length);
      assert.deepEqual(scrub(out), [out, 0], 'idempotent');
    });
  }

  it('stays linear on hostile 8 KiB strings', () => {
    const hostile = [
      `${'a.'.repeat(4096)}://x@`,
      `${'ab://'.repeat(1600)}u:p@`,
      `password${'='.repeat(8192)}`,
      `Basic ${'A'.repeat(8000)}===`,
      `${'token='.repeat(1400)}`,
      `{"password":"${'\\'.repeat(4000)}`,
      `${'4111 '.repeat(1600)}`,
      `-----BEGIN PRIVATE KEY-----${'-----BEGIN PRIVATE KEY-----'.repeat(300)}`,
    ];
    for (const text of hostile) {
      const started = performance.now();
      scrub(text);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 2000, `${elapsed.toFixed(0)} ms for ${text.slice(0, 20)}…`);
    }
  });

  it('Luhn', () => {
    assert.equal(passesLuhn('4111 1111 1111 1111'), true);
    assert.equal(passesLuhn('378282246310005'), true);
    assert.equal(passesLuhn('4111111111111112'), false);
    assert.equal(passesLuhn('0000'), false, 'too short');
  });
});

describe('key rules', () => {
  const rules = keyRulesFor(DEFAULT_SCRUB_SETTINGS);
  const sensitive = [
    'password',
    'DB_PASSWORD',
    'passwd',
    'mysql_pwd',
    'client_secret',
    'AWS_SECRET_ACCESS_KEY',
    'api_key',
    'X-Api-Key',
    'apiKey',
    'access_token',
    'GITHUB_TOKEN',
    'stripeToken',
    'Authorization',
    'Proxy-Authorization',
    'auth',
    'credentials',
    'sessionid',
    'PHPSESSID',
    'Cookie',
    'Set-Cookie',
    'X-CSRF-Token',
    'xsrf-token',
    'private_key',
    'privateKey',
    'card',
    'cardNumber',
    'card_number',
    'card[number]',
    'credit-card',
    'creditcard',
    'cvv',
    'CVC',
  ];
  for (const key of sensitive) it(`"${key}" is sensitive`, () => assert.equal(rules.isSensitive(key), true));
  const harmless = ['discard', 'cardinality', 'postcard', 'username', 'email', 'id', 'user-agent', 'content-type', 'ip_address', 'host'];
  for (const key of harmless) it(`"${key}" is not`, () => assert.equal(rules.isSensitive(key), false));

  it('settings change the rules; rules are cached per settings object', () => {
    const custom = { ...DEFAULT_SCRUB_SETTINGS, sensitiveFields: ['Social-Security'], safeFields: ['CSRF_Token'], scrubIpAddresses: true };
    const r = keyRulesFor(custom);
    assert.equal(r.isSensitive('user_social_security_no'), true);
    assert.equal(r.isSafe('csrf-token'), true);
    assert.equal(r.isSensitive('X-Forwarded-For'), true);
    assert.equal(r.isSensitive('REMOTE_ADDR'), true);
    assert.equal(keyRulesFor(custom), r);
    const off = keyRulesFor({ ...DEFAULT_SCRUB_SETTINGS, enabled: false, sensitiveFields: ['ssn'] });
    assert.equal(off.isSensitive('password'), false);
    assert.equal(off.isSensitive('ssn'), false);
  });
});
