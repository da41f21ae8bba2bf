import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddressList } from '../../kernel/index.js';
import { createOutboundPolicy, type Resolve } from './outbound-policy.js';

/** A DNS with fixed answers: the names the tests use are not real. */
const dns =
  (answers: Record<string, string[]>): Resolve =>
  async (hostname) => {
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const list = (raw: string) => {
  const parsed = parseAddressList(raw);
  assert.ok(parsed.ok, raw);
  return parsed.value;
};

describe('outbound policy', () => {
  const resolve = dns({
    'hooks.example.com': ['203.0.113.10'],
    'chat.internal': ['10.1.2.3'],
    'rebind.example.com': ['203.0.113.20', '169.254.169.254'],
    'mapped.example.com': ['::ffff:169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
  });

  it('by default allows public, private and loopback receivers', async () => {
    const policy = createOutboundPolicy({ deny: [], allow: [], resolve });
    for (const host of ['hooks.example.com', 'chat.internal', 'localhost', '127.0.0.1', '[::1]', '192.168.1.5']) {
      const checked = await policy.destination(host);
      assert.ok(checked.ok, host);
    }
    const pinned = await policy.destination('hooks.example.com');
    assert.deepEqual(pinned.ok && pinned.destination, { address: '203.0.113.10', family: 4 });
  });

  it('always refuses link-local, metadata and reserved addresses, also behind a name or IPv4-mapped', async () => {
    const policy = createOutboundPolicy({ deny: [], allow: list('all'), resolve });
    for (const host of ['169.254.169.254', '[fe80::1]', '0.0.0.0', '[::]', '224.0.0.1', '[fd00:ec2::254]', 'mapped.example.com', '[::ffff:169.254.169.254]']) {
      const checked = await policy.destination(host);
      assert.equal(checked.ok, false, host);
      assert.match(checked.ok ? '' : checked.reason, /never allowed/, host);
    }
  });

  it('refuses a name if any of its addresses is refused (a DNS answer mixing in a metadata address)', async () => {
    const checked = await createOutboundPolicy({ deny: [], allow: [], resolve }).destination('rebind.example.com');
    assert.equal(checked.ok, false);
    assert.match(checked.ok ? '' : checked.reason, /rebind\.example\.com \(169\.254\.169\.254\)/);
  });

  it('denies what FAULTLINE_OUTBOUND_DENY lists, by range, keyword or name, with allow-list exceptions', async () => {
    const policy = createOutboundPolicy({ deny: list('private, loopback, *.blocked.test'), allow: list('10.1.2.3'), resolve });
    const refused = async (host: string) => {
      const checked = await policy.destination(host);
      return checked.ok ? null : checked.reason;
    };
    assert.match((await refused('localhost')) ?? '', /localhost \(127\.0\.0\.1\) is denied by FAULTLINE_OUTBOUND_DENY/);
    assert.match((await refused('192.168.0.7')) ?? '', /denied/);
    assert.match((await refused(new URL('http://[::ffff:127.0.0.1]/').hostname)) ?? '', /denied/, 'IPv4-mapped, in the hex form URLs use');
    assert.equal(await refused('chat.internal'), null, 'the allow list wins over the deny list');
    assert.equal(await refused('hooks.example.com'), null);
    const denyAll = createOutboundPolicy({ deny: list('all'), allow: list('hooks.example.com'), resolve });
    assert.ok((await denyAll.destination('hooks.example.com')).ok);
    assert.equal((await denyAll.destination('chat.internal')).ok, false);
  });

  it('tells a DNS failure (may pass later) from a refusal; saving does not refuse a name that does not resolve yet', async () => {
    const policy = createOutboundPolicy({ deny: [], allow: [], resolve });
    const checked = await policy.destination('nowhere.example.com');
    assert.deepEqual(checked.ok ? null : checked.kind, 'unresolved');
    assert.equal(await policy.refusal('https://nowhere.example.com/hook'), null);
    assert.match((await policy.refusal('http://169.254.169.254/latest/meta-data/')) ?? '', /never allowed/);
  });

  it('reads the setting: every bad entry is reported', () => {
    assert.deepEqual(parseAddressList(' 10.0.0.0/8, Hooks.Example.com ,*.corp.test,[::1],loopback'), {
      ok: true,
      value: ['10.0.0.0/8', 'hooks.example.com', '*.corp.test', '::1', 'loopback'],
    });
    const bad = parseAddressList('10.0.0.0/33, http://x, a b');
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.reason, /prefix length must be 0–32.*"http:\/\/x".*"a b"/);
  });
});
