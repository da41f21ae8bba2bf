// The decision of scripts/system-packages.mjs, without touching the machine:
// every fact (presence, user, apt-get, sudo) is passed in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aptCommands, installRoute, planSystemPackages, SYSTEM_PACKAGES, skipReason } from './system-packages.mjs';

const facts = { uid: 1000, hasAptGet: true, hasPasswordlessSudo: false, optedOut: false };
const wanted = [
  { name: 'chromium', suites: 'web end-to-end suites', missing: '/usr/bin/chromium not found' },
  { name: 'python3-sentry-sdk', suites: 'the Python SDK test', missing: 'sentry_sdk is not importable' },
];

describe('system packages the suites drive', () => {
  it('lists chromium, python3-sentry-sdk, jq and curl, each with the suites that need it', () => {
    assert.deepEqual(
      SYSTEM_PACKAGES.map((p) => p.name),
      ['chromium', 'python3-sentry-sdk', 'jq', 'curl'],
    );
    for (const p of SYSTEM_PACKAGES) assert.equal(typeof p.probe, 'function');
  });

  it('installs as root, or through passwordless sudo, when apt-get exists', () => {
    assert.deepEqual(installRoute({ ...facts, uid: 0 }), { via: 'root' });
    assert.deepEqual(installRoute({ ...facts, hasPasswordlessSudo: true }), { via: 'sudo' });
  });

  it('cannot install without apt-get, without root or sudo, or when opted out', () => {
    assert.deepEqual(installRoute({ ...facts, uid: 0, hasAptGet: false }), { via: null, why: 'no apt-get on this machine' });
    assert.deepEqual(installRoute(facts), { via: null, why: 'not root and no passwordless sudo' });
    assert.deepEqual(installRoute({ ...facts, uid: null }), { via: null, why: 'not root and no passwordless sudo' });
    assert.deepEqual(installRoute({ ...facts, uid: 0, optedOut: true }), { via: null, why: 'FAULTLINE_TEST_INSTALL=0' });
  });

  it('leaves present packages alone', () => {
    const plan = planSystemPackages(wanted, () => true, { via: 'root' });
    assert.deepEqual(plan, [
      { name: 'chromium', action: 'present' },
      { name: 'python3-sentry-sdk', action: 'present' },
    ]);
  });

  it('installs only the missing ones when it can', () => {
    const plan = planSystemPackages(wanted, (name) => name === 'python3-sentry-sdk', { via: 'sudo' });
    assert.deepEqual(plan, [
      { name: 'chromium', action: 'install' },
      { name: 'python3-sentry-sdk', action: 'present' },
    ]);
  });

  it('skips with a reason naming the suites, what is missing and how to get it, when it cannot install', () => {
    const plan = planSystemPackages(wanted, () => false, { via: null, why: 'no apt-get on this machine' });
    assert.deepEqual(
      plan.map((p) => p.action),
      ['skip', 'skip'],
    );
    assert.equal(
      plan[0].reason,
      'web end-to-end suites: /usr/bin/chromium not found (apt-get install chromium; not installed automatically: no apt-get on this machine)',
    );
    assert.equal(plan[1].reason, skipReason(wanted[1], 'no apt-get on this machine'));
  });

  it('runs apt-get non-interactively with a dpkg lock timeout, through sudo -n when not root', () => {
    const [update, install] = aptCommands(['chromium'], 'sudo');
    assert.deepEqual(update.slice(0, 3), ['sudo', '-n', 'apt-get']);
    assert.ok(install.includes('DPkg::Lock::Timeout=300'));
    assert.ok(install.includes('-y'));
    assert.equal(install.at(-1), 'chromium');
    assert.equal(aptCommands(['chromium'], 'root')[1][0], 'apt-get');
  });
});
