import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ignoreEnded, regresses } from './lifecycle.js';
import { type IssueFacts, parseStatusChange, planStatusChange, type StatusChange } from './status-change.js';

const NOW = Date.UTC(2026, 5, 15, 12);
const MIN = 60_000;
const issue: IssueFacts = { status: 'unresolved', timesSeen: 40, userCount: 7, lastRelease: 'app@2.0' };

function change(body: Record<string, unknown>): StatusChange {
  const parsed = parseStatusChange(body);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  assert.ok(parsed.change);
  return parsed.change;
}

function plan(body: Record<string, unknown>, facts = issue, latest: string | null = 'app@2.1') {
  const planned = planStatusChange(change(body), facts, NOW, latest);
  assert.ok(planned.ok, planned.ok ? '' : planned.reason);
  return planned;
}

describe('user-initiated status changes', () => {
  it('reads Sentry’s bodies: status words, statusDetails, the legacy snoozeDuration', () => {
    assert.deepEqual(parseStatusChange({}), { ok: true, change: null });
    assert.deepEqual(change({ status: 'resolved', snoozeDuration: null }), { kind: 'resolved' });
    assert.deepEqual(change({ status: 'resolvedInNextRelease' }), { kind: 'resolvedInNextRelease' });
    assert.deepEqual(change({ status: 'resolved', statusDetails: { inNextRelease: true } }), { kind: 'resolvedInNextRelease' });
    assert.deepEqual(change({ status: 'resolved', statusDetails: { inRelease: 'latest' } }), { kind: 'resolvedInRelease', release: null });
    assert.deepEqual(change({ status: 'resolved', statusDetails: { inRelease: 'app@1.0' } }), { kind: 'resolvedInRelease', release: 'app@1.0' });
    const muted = change({ status: 'muted', snoozeDuration: 30 });
    assert.equal(muted.kind, 'ignored');
    assert.equal(muted.kind === 'ignored' && muted.forMs, 30 * MIN);
  });

  it('refuses what it cannot honour, with a reason', () => {
    for (const body of [
      { status: 'archived' },
      { status: 'resolved', statusDetails: { inCommit: { commit: 'abc' } } },
      { status: 'resolved', statusDetails: 'soon' },
      { status: 'ignored', statusDetails: { ignoreCount: 0 } },
      { status: 'ignored', statusDetails: { ignoreWindow: 60 } },
      { status: 'ignored', statusDetails: { ignoreUntil: 'tomorrow' } },
      { statusDetails: { inNextRelease: true } },
    ]) {
      const parsed = parseStatusChange(body);
      assert.equal(parsed.ok, false, JSON.stringify(body));
      assert.ok(!parsed.ok && parsed.reason.length > 10);
    }
  });

  it('resolve: resolution now, ignore cleared, activity set_resolved', () => {
    const p = plan({ status: 'resolved' });
    assert.deepEqual(
      [p.patch.status, p.patch.substatus, p.patch.resolution, p.patch.resolvedAt, p.patch.ignoreUntil, p.activity.type],
      ['resolved', null, 'now', NOW, null, 'set_resolved'],
    );
    assert.equal(regresses({ status: 'resolved', resolution: 'now', resolvedInRelease: null, resolvedAt: NOW }, { receivedAt: NOW + 1, release: null }), true);
  });

  it('resolve in the next release: after the issue’s last release, so only a different release regresses', () => {
    const p = plan({ status: 'resolvedInNextRelease' });
    assert.equal(p.patch.resolution, 'in_next_release');
    assert.equal(p.patch.resolvedInRelease, 'app@2.0');
    const resolved = { status: 'resolved', resolution: 'in_next_release', resolvedInRelease: 'app@2.0', resolvedAt: NOW };
    assert.equal(regresses(resolved, { receivedAt: NOW + 1, release: 'app@2.0' }), false);
    assert.equal(regresses(resolved, { receivedAt: NOW + 1, release: 'app@2.2' }), true);
    // An issue without a release falls back to the project's latest; with no release at all it is refused.
    assert.equal(plan({ status: 'resolvedInNextRelease' }, { ...issue, lastRelease: null }).patch.resolvedInRelease, 'app@2.1');
    assert.equal(planStatusChange(change({ status: 'resolvedInNextRelease' }), { ...issue, lastRelease: null }, NOW, null).ok, false);
  });

  it('resolve in a release, or in "latest"', () => {
    assert.deepEqual(plan({ status: 'resolved', statusDetails: { inRelease: 'app@1.0' } }).activity, {
      type: 'set_resolved_in_release',
      data: { version: 'app@1.0' },
    });
    assert.equal(plan({ status: 'resolved', statusDetails: { inRelease: 'latest' } }).patch.resolvedInRelease, 'app@2.1');
    assert.equal(planStatusChange(change({ status: 'resolved', statusDetails: { inRelease: 'latest' } }), issue, NOW, null).ok, false);
  });

  it('ignore forever, for a while, until counts: substatus and baselines the pipeline reads', () => {
    const forever = plan({ status: 'ignored' });
    assert.deepEqual([forever.patch.status, forever.patch.substatus, forever.patch.ignoreUntil], ['ignored', 'archived_forever', null]);

    const forAWhile = plan({ status: 'ignored', statusDetails: { ignoreDuration: 30 } });
    assert.deepEqual([forAWhile.patch.substatus, forAWhile.patch.ignoreUntil], ['archived_until_condition_met', NOW + 30 * MIN]);
    assert.equal(
      ignoreEnded(
        { ...nullIgnore(), status: 'ignored', ignoreUntil: forAWhile.patch.ignoreUntil ?? null },
        { at: NOW + 31 * MIN, timesSeen: 40, userCount: 7 },
      ),
      'until',
    );

    const counts = plan({ status: 'ignored', statusDetails: { ignoreCount: 100, ignoreUserCount: 5, ignoreUserWindow: 60 } });
    assert.deepEqual(
      [
        counts.patch.ignoreCount,
        counts.patch.ignoreWindowMs,
        counts.patch.ignoreBaselineTimesSeen,
        counts.patch.ignoreUserCount,
        counts.patch.ignoreUserWindowMs,
        counts.patch.ignoreBaselineUsers,
      ],
      [100, null, 40, 5, 60 * MIN, 7],
    );
    assert.deepEqual(counts.activity.data, { ignoreCount: 100, ignoreWindow: null, ignoreUserCount: 5, ignoreUserWindow: 60 });
    const state = { ...nullIgnore(), ...counts.patch, status: 'ignored' } as ReturnType<typeof nullIgnore>;
    assert.equal(ignoreEnded(state, { at: NOW, timesSeen: 139, userCount: 7 }), null);
    assert.equal(ignoreEnded(state, { at: NOW, timesSeen: 140, userCount: 7 }), 'count');

    assert.equal(plan({ status: 'ignored', substatus: 'archived_until_escalating' }).patch.substatus, 'archived_until_escalating');
    assert.equal(
      planStatusChange(change({ status: 'ignored', statusDetails: { ignoreUntil: new Date(NOW - MIN).toISOString() } }), issue, NOW, null).ok,
      false,
    );
  });

  it('unresolve clears resolution and ignore, back to ongoing', () => {
    const p = plan({ status: 'unresolved' }, { ...issue, status: 'ignored' });
    assert.deepEqual(
      [p.patch.status, p.patch.substatus, p.patch.resolution, p.patch.ignoreUntil, p.patch.ignoreCount, p.activity.type],
      ['unresolved', 'ongoing', null, null, null, 'set_unresolved'],
    );
  });
});

function nullIgnore() {
  return {
    status: 'ignored',
    ignoreUntil: null as number | null,
    ignoreCount: null as number | null,
    ignoreWindowMs: null as number | null,
    ignoreUserCount: null as number | null,
    ignoreUserWindowMs: null as number | null,
    ignoreBaselineTimesSeen: null as number | null,
    ignoreBaselineUsers: null as number | null,
  };
}
