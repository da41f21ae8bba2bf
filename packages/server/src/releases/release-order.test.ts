import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareReleases, isNewerRelease, staysResolved } from './release-order.js';

const v1 = { id: 1, createdAt: 1000 };
const v2 = { id: 2, createdAt: 2000 };
const v3 = { id: 3, createdAt: 3000 };
// Created in the same millisecond as v2, after it.
const v2b = { id: 4, createdAt: 2000 };

describe('release order (creation time, as Sentry)', () => {
  it('orders by creation time, then by id', () => {
    assert.ok(compareReleases(v1, v2) < 0);
    assert.ok(compareReleases(v3, v2) > 0);
    assert.equal(compareReleases(v2, { ...v2 }), 0);
    assert.ok(isNewerRelease(v2b, v2));
    assert.ok(!isNewerRelease(v2, v2b));
    assert.deepEqual([v3, v1, v2b, v2].sort(compareReleases), [v1, v2, v2b, v3]);
  });
});

describe('staysResolved (Sentry GroupResolution.has_resolution)', () => {
  it('in next release after v2: v2 and older keep it resolved, newer reopens', () => {
    assert.equal(staysResolved('in_next_release', v2, v1), true);
    assert.equal(staysResolved('in_next_release', v2, v2), true);
    assert.equal(staysResolved('in_next_release', v2, v3), false);
  });

  it('in release v2: the fix shipped in v2, so v2 and newer reopen, older do not', () => {
    assert.equal(staysResolved('in_release', v2, v1), true);
    assert.equal(staysResolved('in_release', v2, v2), false);
    assert.equal(staysResolved('in_release', v2, v3), false);
  });

  it('an event without a known release never reopens; a deleted resolution release counts as oldest', () => {
    assert.equal(staysResolved('in_release', v2, undefined), true);
    assert.equal(staysResolved('in_next_release', undefined, undefined), true);
    assert.equal(staysResolved('in_next_release', undefined, v1), false);
  });
});
