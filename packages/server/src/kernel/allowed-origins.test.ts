// Allowed Domains: which entries the setting accepts and which browser pages each lets send.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedDomainsOf, compileAllowedOrigins, parseAllowedDomains } from './allowed-origins.js';

describe('allowed domains', () => {
  it('lets every page send with the default, and requests without Origin or Referer always', () => {
    const all = compileAllowedOrigins(['*']);
    assert.equal(all.allows('https://anything.example', undefined), true);
    assert.equal(all.allows('null', undefined), true);
    const narrow = compileAllowedOrigins(['shop.example']);
    assert.equal(narrow.allows(undefined, undefined), true, 'a server SDK sends neither header');
    assert.equal(narrow.allows('', ''), true);
  });

  it('matches a host, its subdomains with *., a scheme and a port', () => {
    const cases: [string[], string, boolean][] = [
      [['shop.example'], 'https://shop.example', true],
      [['shop.example'], 'http://shop.example:8080', true],
      [['shop.example'], 'https://www.shop.example', false],
      [['shop.example'], 'https://evilshop.example', false],
      [['*.shop.example'], 'https://www.shop.example', true],
      [['*.shop.example'], 'https://a.b.shop.example', true],
      [['*.shop.example'], 'https://shop.example', true],
      [['*.shop.example'], 'https://notshop.example', false],
      [['https://shop.example'], 'http://shop.example', false],
      [['https://shop.example'], 'https://shop.example', true],
      [['localhost:5173'], 'http://localhost:5173', true],
      [['localhost:5173'], 'http://localhost:5174', false],
      [['shop.example:443'], 'https://shop.example', true],
      [['*:8080'], 'http://any.example:8080', true],
      [['*:8080'], 'http://any.example:9090', false],
      [['SHOP.example'], 'https://Shop.EXAMPLE', true],
      [['a.example', 'b.example'], 'https://b.example', true],
    ];
    for (const [domains, origin, allowed] of cases) {
      assert.equal(compileAllowedOrigins(domains).allows(origin, undefined), allowed, `${domains.join(' ')} vs ${origin}`);
    }
  });

  it('reads the Referer when there is no Origin; a null or unreadable origin matches no entry', () => {
    const list = compileAllowedOrigins(['shop.example']);
    assert.equal(list.allows(undefined, 'https://shop.example/checkout?x=1'), true);
    assert.equal(list.allows(undefined, 'https://evil.example/shop.example'), false);
    assert.equal(list.allows('https://evil.example', 'https://shop.example/'), false, 'Origin wins over Referer');
    assert.equal(list.allows('null', undefined), false);
    assert.equal(list.allows('not a url', undefined), false);
  });

  it('takes a list of entries, refusing an empty one with Sentry’s words and entries that are no domain', () => {
    assert.deepEqual(parseAllowedDomains([' shop.example ', '', '*.cdn.example']), { ok: true, domains: ['shop.example', '*.cdn.example'] });
    assert.deepEqual(parseAllowedDomains(['']), { ok: false, reason: 'Empty value will block all requests, use * to accept from all domains' });
    for (const bad of [
      ['shop example'],
      ['https://shop.example/path'],
      ['shop.example:99999x'],
      ['ht tp://x.example'],
      'shop.example',
      [7],
      Array(101).fill('a.example'),
    ]) {
      const parsed = parseAllowedDomains(bad);
      assert.equal(parsed.ok, false, JSON.stringify(bad).slice(0, 60));
    }
    assert.deepEqual(allowedDomainsOf({}), ['*']);
    assert.deepEqual(allowedDomainsOf({ allowedDomains: 'garbage' }), ['*'], 'an unreadable stored value falls back to the default');
    assert.deepEqual(allowedDomainsOf({ allowedDomains: ['shop.example'] }), ['shop.example']);
  });
});
