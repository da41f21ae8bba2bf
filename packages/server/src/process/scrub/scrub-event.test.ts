import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedEvent } from '../normalize/index.js';
import { normalizeCaptured, payloadCopy } from '../normalize/sdk-events.test-support.js';
import { DEFAULT_SCRUB_SETTINGS, FILTERED, type ScrubSettings, scrubEvent } from './index.js';

function scrubbed(event: NormalizedEvent, settings: ScrubSettings = DEFAULT_SCRUB_SETTINGS): { json: string; count: number; event: NormalizedEvent } {
  const result = scrubEvent(event, settings);
  assert.equal(result.event, event, 'scrubs in place');
  return { json: JSON.stringify(result.event), count: result.scrubbedCount, event: result.event };
}

function assertGone(json: string, secrets: readonly string[]): void {
  for (const secret of secrets) assert.ok(!json.includes(secret), `secret survived scrubbing: ${secret}`);
}

function assertKept(json: string, values: readonly string[]): void {
  for (const value of values) assert.ok(json.includes(value), `non-sensitive data lost: ${value}`);
}

const EXPRESS = 'sentry-node-8.55.2/012-express--envelope-event.txt';
const CLI = 'sentry-cli-2.58.6/015-send-event--envelope-event.txt';
const PYTHON = 'sentry-python-1.9.10/001-errors--store.txt';
const BROWSER = 'sentry-browser-11.12.0/004-default--envelope-event.txt';

describe('scrubEvent on real SDK events', () => {
  it('node (sendDefaultPii): the Cookie header and cookies are filtered, the rest of the request kept', () => {
    const { json, count, event } = scrubbed(normalizeCaptured(EXPRESS));
    assertGone(json, ['sid=abc', '"abc"']);
    assert.equal(count, 2);
    assert.deepEqual(event.request?.cookies, [['sid', FILTERED]]);
    assertKept(json, ['fixture-client/1.0', 'http://127.0.0.1:43019/users/17', '"verbose","1"', 'user lookup failed for 17']);
  });

  it('node 11 transaction: the cookie header copied into the trace context is filtered', () => {
    const { event } = scrubbed(normalizeCaptured('sentry-node-11.12.0/011-express-static--envelope-transaction.txt'));
    const data = event.contexts?.trace?.data as Record<string, unknown>;
    assert.equal(data['http.request.header.cookie'], FILTERED);
    assert.deepEqual(data['http.request.header.user-agent'], ['fixture-client/1.0']);
  });

  it('sentry-cli send-event: the process environment loses its auth token, keeps the rest', () => {
    const { event, count } = scrubbed(normalizeCaptured(CLI));
    const environ = event.extra?.environ as Record<string, string>;
    assert.equal(environ.SENTRY_AUTH_TOKEN, FILTERED);
    assert.equal(count, 1);
    assert.deepEqual([environ.HOME, environ.SENTRY_ORG, environ.PATH], ['/app', 'myorg', '/usr/bin:/bin']);
  });

  it('sentry-cli environment with planted cloud, CI and database secrets', () => {
    const raw = payloadCopy(CLI);
    const secrets = {
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      GITHUB_TOKEN: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      DB_PASSWORD: 'correct-horse-battery-staple',
      STRIPE_API_KEY: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      NPM_CONFIG__AUTH: 'bnBtOnNlY3JldC1ucG0tYXV0aA==',
      SESSION_SECRET: 'keyboard-cat-1234567',
      DATABASE_URL: 'postgres://app:s3cr3t-pw-9f8e@db.internal:5432/prod',
      SIGNING_KEY_PEM: '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq1\n-----END RSA PRIVATE KEY-----',
    };
    Object.assign((raw.extra as { environ: Record<string, string> }).environ, secrets);
    const { json, event } = scrubbed(normalizeCaptured(CLI, raw));
    assertGone(json, [...Object.values(secrets).filter((v) => !v.startsWith('postgres')), 's3cr3t-pw-9f8e', 'MIIEpAIBAAKCAQEA7bq1']);
    const environ = event.extra?.environ as Record<string, string>;
    assert.equal(environ.DATABASE_URL, `postgres://app:${FILTERED}@db.internal:5432/prod`);
    assert.equal(environ.SIGNING_KEY_PEM, FILTERED);
    assertKept(json, ['/usr/lib/ssl/certs', 'Hello from sentry-cli', 'http://publickey@127.0.0.1:9000/1']);
  });

  it('node express event with planted secrets in every place an app leaks them', () => {
    const raw = payloadCopy(EXPRESS);
    const request = raw.request as Record<string, unknown>;
    Object.assign(request.headers as Record<string, string>, {
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      'x-api-key': 'ak_7f3e9b2c41d8',
      'x-forwarded-for': '198.51.100.23',
    });
    request.url = 'http://127.0.0.1:43019/users/17?verbose=1&access_token=tok-5d41402abc4b2a76';
    delete request.query_string;
    request.data = {
      username: 'jane',
      password: 'hunter2-but-longer',
      payment: { card_number: '4111 1111 1111 1111', cvc: '737', holder: 'Jane Doe' },
      note: 'call me, my card is 5555-5555-5555-4444 exp 12/29',
    };
    raw.extra = { cart_items: 3, rawBody: '{"user":"jane","newPassword":"s3cret-Body-Value","remember":true}' };
    raw.tags = { feature: 'checkout', session_id: 'sess-0a1b2c3d4e5f' };
    raw.contexts = { ...(raw.contexts as object), payment_gateway: { api_key: 'pk_live_51HtQ9', region: 'eu' } };
    raw.breadcrumbs = [
      { category: 'fetch', type: 'http', data: { url: 'https://api.example.com/charge?api_key=akey-998877&amount=12', method: 'POST' } },
      { category: 'console', message: 'retrying with Authorization: Basic dXNlcjpwYXNzd29yZC0xMjM= header' },
    ];
    const exception = (raw.exception as { values: Record<string, unknown>[] }).values[0] as Record<string, unknown>;
    exception.value = 'upstream rejected token Bearer abcdefgh12345678 for card 378282246310005';
    const secrets = [
      'eyJhbGciOiJIUzI1NiJ9',
      'ak_7f3e9b2c41d8',
      'tok-5d41402abc4b2a76',
      'hunter2-but-longer',
      '4111 1111 1111 1111',
      '737',
      '5555-5555-5555-4444',
      's3cret-Body-Value',
      'sess-0a1b2c3d4e5f',
      'pk_live_51HtQ9',
      'akey-998877',
      'dXNlcjpwYXNzd29yZC0xMjM=',
      'abcdefgh12345678',
      '378282246310005',
      'sid=abc',
    ];
    const { json, event, count } = scrubbed(normalizeCaptured(EXPRESS, raw));
    assertGone(json, secrets);
    assert.ok(count >= secrets.length - 1, `only ${count} replacements`);
    assert.equal(event.title, `Error: upstream rejected token Bearer ${FILTERED} for card ${FILTERED}`);
    assert.deepEqual(event.request?.query_string, [
      ['verbose', '1'],
      ['access_token', FILTERED],
    ]);
    const data = event.request?.data as Record<string, Record<string, string>>;
    assert.deepEqual(data.payment, { card_number: FILTERED, cvc: FILTERED, holder: 'Jane Doe' });
    assert.equal(data.note as unknown, `call me, my card is ${FILTERED} exp 12/29`);
    assertKept(json, ['"username":"jane"', 'fixture-client/1.0', '198.51.100.23', 'amount=12', '"region":"eu"', '"feature","checkout"', '/app/scenario.js']);
  });

  it('python event: frame vars and source context lines with secrets', () => {
    const raw = payloadCopy(PYTHON);
    const frames = (raw.exception as { values: { stacktrace: { frames: Record<string, unknown>[] } }[] }).values[0]?.stacktrace.frames ?? [];
    const frame = frames[1] as Record<string, unknown>;
    frame.vars = { order: { id: '7' }, api_key: "'py-key-0f9e8d7c'", card: "'6011111111111117'", discard: "'kept-value'" };
    frame.pre_context = ['DSN = "postgres://admin:pw-9f8e7d6c@db.internal/app"', 'def process_order(order):'];
    const { json, event } = scrubbed(normalizeCaptured(PYTHON, raw));
    assertGone(json, ['py-key-0f9e8d7c', '6011111111111117', 'pw-9f8e7d6c']);
    const vars = event.exception?.values[0]?.stacktrace?.frames[1]?.vars;
    assert.deepEqual(vars, { order: { id: '7' }, api_key: FILTERED, card: FILTERED, discard: "'kept-value'" });
    assertKept(json, ['scenario.py', 'process_order', "KeyError: 'items'"]);
  });

  it('browser event: a card number in the error message is scrubbed from value, title and metadata', () => {
    const raw = payloadCopy(BROWSER);
    const exception = (raw.exception as { values: Record<string, unknown>[] }).values[0] as Record<string, unknown>;
    exception.value = 'Payment failed for 4242424242424242';
    const { json, event } = scrubbed(normalizeCaptured(BROWSER, raw));
    assertGone(json, ['4242424242424242']);
    assert.equal(event.title, `TypeError: Payment failed for ${FILTERED}`);
    assert.equal(event.metadata.value, `Payment failed for ${FILTERED}`);
  });

  it('IP scrubbing is opt-in: user IP, REMOTE_ADDR and forwarding headers', () => {
    const python = 'sentry-python-1.9.10/008-wsgi--store.txt';
    assert.equal(scrubbed(normalizeCaptured(python)).event.user?.ip_address, '127.0.0.1');
    const raw = payloadCopy(python);
    (raw.request as { headers: Record<string, string> }).headers['X-Forwarded-For'] = '203.0.113.99, 10.0.0.1';
    const { event, json } = scrubbed(normalizeCaptured(python, raw), { ...DEFAULT_SCRUB_SETTINGS, scrubIpAddresses: true });
    assert.equal(event.user, undefined, 'the user object held only the IP');
    assert.equal(event.request?.env?.REMOTE_ADDR, FILTERED);
    assertGone(json, ['203.0.113.99']);
    assertKept(json, ['"SERVER_NAME":"localhost"', 'Python-urllib/3.11']);
  });

  it('project settings: extra sensitive fields, safe fields, and scrubbing turned off', () => {
    const raw = payloadCopy(EXPRESS);
    raw.extra = { ssn: '078-05-1120', sessionTimeout: 30, theme: 'dark' };
    raw.tags = { session_id: 'visible-session' };
    const settings: ScrubSettings = { ...DEFAULT_SCRUB_SETTINGS, sensitiveFields: ['SSN'], safeFields: ['sessionTimeout', 'session_id', 'sid'] };
    const { event } = scrubbed(normalizeCaptured(EXPRESS, raw), settings);
    assert.deepEqual(event.extra, { ssn: FILTERED, sessionTimeout: 30, theme: 'dark' });
    assert.deepEqual(event.tags, [['session_id', 'visible-session']]);
    assert.deepEqual(event.request?.cookies, [['sid', 'abc']], 'a safe cookie name keeps its value');

    const off = scrubbed(normalizeCaptured(EXPRESS, raw), { ...DEFAULT_SCRUB_SETTINGS, enabled: false });
    assert.equal(off.count, 0);
    assertKept(off.json, ['078-05-1120', 'sid=abc']);
  });

  it('is idempotent on real and planted events', () => {
    for (const name of [EXPRESS, CLI, PYTHON, BROWSER]) {
      const event = normalizeCaptured(name);
      const settings = { ...DEFAULT_SCRUB_SETTINGS, scrubIpAddresses: true };
      scrubEvent(event, settings);
      const once = JSON.stringify(event);
      assert.equal(scrubEvent(event, settings).scrubbedCount, 0, name);
      assert.equal(JSON.stringify(event), once, name);
    }
  });
});
