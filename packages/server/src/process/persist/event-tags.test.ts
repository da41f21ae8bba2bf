import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCaptured, payloadCopy } from '../normalize/sdk-events.test-support.js';
import { eventTags, userKeyOf } from './event-tags.js';

const tagsOf = (name: string, payload?: Record<string, unknown>): Record<string, string> => {
  const event = normalizeCaptured(name, payload);
  return Object.fromEntries(eventTags(event, userKeyOf(event.user)));
};

describe('event tags', () => {
  it('derives level, environment, release, user, os, runtime, server_name, handled and mechanism from a node event', () => {
    assert.deepEqual(tagsOf('sentry-node-8.55.2/006-errors--envelope-event.txt'), {
      feature: 'checkout',
      level: 'error',
      environment: 'production',
      release: 'myapp@1.2.3',
      user: 'id:42',
      'user.id': '42',
      'user.username': 'jane',
      'user.email': 'jane@example.com',
      'user.ip': '203.0.113.7',
      os: 'Debian 12.11',
      'os.name': 'Debian',
      runtime: 'node v20.20.2',
      'runtime.name': 'node',
      server_name: 'web-1',
      handled: 'yes',
      mechanism: 'generic',
    });
  });

  it('derives browser and os from the request’s User-Agent, url and transaction from a browser event', () => {
    assert.deepEqual(tagsOf('sentry-browser-11.12.0/004-default--envelope-event.txt'), {
      replayId: '99c65bb420fc4ed7a5b59c3915a4df7f',
      level: 'error',
      environment: 'production',
      release: 'myapp@1.2.3',
      user: 'id:42',
      'user.id': '42',
      'user.email': 'jane@example.com',
      'user.ip': '203.0.113.7',
      browser: 'Chrome Headless 156.0.0.0',
      'browser.name': 'Chrome Headless',
      os: 'Linux',
      'os.name': 'Linux',
      url: 'http://localhost:8080/',
      transaction: '/',
      handled: 'no',
      mechanism: 'auto.browser.browserapierrors.addEventListener',
    });
  });

  it('derived values replace SDK tags of the same key; SDK tags without a derived value stay', () => {
    const payload = payloadCopy('sentry-node-8.55.2/006-errors--envelope-event.txt');
    payload.tags = { level: 'bogus', url: 'kept', transaction: 'kept too' };
    const tags = tagsOf('sentry-node-8.55.2/006-errors--envelope-event.txt', payload);
    assert.equal(tags.level, 'error');
    assert.equal(tags.url, 'kept');
    assert.equal(tags.transaction, 'kept too');
  });

  it('user key: id, then username, email, ip (Sentry’s order)', () => {
    assert.equal(userKeyOf({ id: '7', username: 'u', email: 'e@x.io', ip_address: '203.0.113.1' }), 'id:7');
    assert.equal(userKeyOf({ username: 'u', email: 'e@x.io' }), 'username:u');
    assert.equal(userKeyOf({ email: 'e@x.io', ip_address: '203.0.113.1' }), 'email:e@x.io');
    assert.equal(userKeyOf({ ip_address: '203.0.113.1' }), 'ip:203.0.113.1');
    assert.equal(userKeyOf({ name: 'only a name' }), null);
    assert.equal(userKeyOf(undefined), null);
  });
});
