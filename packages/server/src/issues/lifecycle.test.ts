import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLEARED_IGNORE,
  effectiveSubstatus,
  ignoreEnded,
  ignoreWindows,
  type LifecycleFields,
  ONGOING_AFTER_MS,
  regresses,
  regressionPatch,
  unignorePatch,
} from './lifecycle.js';

const T = Date.UTC(2026, 10, 1);
const base: LifecycleFields = {
  status: 'unresolved',
  substatus: 'ongoing',
  resolution: null,
  resolvedInRelease: null,
  resolvedAt: null,
  ignoreUntil: null,
  ignoreCount: null,
  ignoreWindowMs: null,
  ignoreUserCount: null,
  ignoreUserWindowMs: null,
  ignoreBaselineTimesSeen: null,
  ignoreBaselineUsers: null,
  regressedAt: null,
  regressedInRelease: null,
};
const resolved = (patch: Partial<LifecycleFields>): LifecycleFields => ({ ...base, status: 'resolved', substatus: null, resolvedAt: T, ...patch });
const ignored = (patch: Partial<LifecycleFields>): LifecycleFields => ({ ...base, status: 'ignored', substatus: 'archived_until_condition_met', ...patch });

describe('regresses', () => {
  it('resolution now: only events received after the resolution', () => {
    const issue = resolved({ resolution: 'now' });
    assert.equal(regresses(issue, { receivedAt: T - 1, release: null }), false);
    assert.equal(regresses(issue, { receivedAt: T, release: null }), false);
    assert.equal(regresses(issue, { receivedAt: T + 1, release: 'a' }), true);
    assert.equal(regresses(resolved({ resolution: null, resolvedAt: null }), { receivedAt: 0, release: null }), true);
  });

  it('in release / in next release: another release regresses; the same or none does not', () => {
    for (const resolution of ['in_release', 'in_next_release']) {
      const issue = resolved({ resolution, resolvedInRelease: '1.0' });
      assert.equal(regresses(issue, { receivedAt: T + 1, release: '1.0' }), false, resolution);
      assert.equal(regresses(issue, { receivedAt: T + 1, release: null }), false, resolution);
      assert.equal(regresses(issue, { receivedAt: T + 1, release: '1.1' }), true, resolution);
    }
  });

  it('never for issues that are not resolved', () => {
    assert.equal(regresses({ ...base, status: 'ignored' }, { receivedAt: T, release: 'x' }), false);
    assert.equal(regresses(base, { receivedAt: T, release: 'x' }), false);
  });

  it('the regression patch clears the resolution and records when and in which release', () => {
    assert.deepEqual(regressionPatch({ receivedAt: T, release: '2.0' }), {
      status: 'unresolved',
      substatus: 'regressed',
      resolution: null,
      resolvedInRelease: null,
      regressedAt: T,
      regressedInRelease: '2.0',
    });
  });
});

describe('ignoreEnded', () => {
  const progress = { at: T, timesSeen: 10, userCount: 4 };

  it('until a time: at or after it', () => {
    assert.equal(ignoreEnded(ignored({ ignoreUntil: T + 1 }), progress), null);
    assert.equal(ignoreEnded(ignored({ ignoreUntil: T }), progress), 'until');
  });

  it('N more events or users, counted from the baseline', () => {
    assert.equal(ignoreEnded(ignored({ ignoreCount: 5, ignoreBaselineTimesSeen: 6 }), progress), null);
    assert.equal(ignoreEnded(ignored({ ignoreCount: 5, ignoreBaselineTimesSeen: 5 }), progress), 'count');
    assert.equal(ignoreEnded(ignored({ ignoreUserCount: 2, ignoreBaselineUsers: 3 }), progress), null);
    assert.equal(ignoreEnded(ignored({ ignoreUserCount: 2, ignoreBaselineUsers: 2 }), progress), 'user_count');
  });

  it('N events or users within a window use the window counts, not the totals', () => {
    const issue = ignored({ ignoreCount: 3, ignoreWindowMs: 60_000, ignoreUserCount: 2, ignoreUserWindowMs: 60_000 });
    assert.deepEqual(ignoreWindows(issue), { events: true, users: true });
    assert.equal(ignoreEnded(issue, { ...progress, eventsInWindow: 2, usersInWindow: 1 }), null);
    assert.equal(ignoreEnded(issue, { ...progress, eventsInWindow: 3, usersInWindow: 1 }), 'count');
    assert.equal(ignoreEnded(issue, { ...progress, eventsInWindow: 0, usersInWindow: 2 }), 'user_count');
  });

  it('forever, or when not ignored, never ends', () => {
    assert.equal(ignoreEnded(ignored({ ...CLEARED_IGNORE, substatus: 'archived_forever' }), progress), null);
    assert.equal(ignoreEnded({ ...base, ignoreUntil: 0 }, progress), null);
    assert.deepEqual(ignoreWindows({ ...base, ignoreCount: 3, ignoreWindowMs: 1 }), { events: false, users: false });
  });

  it('ending an ignore clears every condition and comes back escalating', () => {
    const patch = unignorePatch();
    assert.equal(patch.status, 'unresolved');
    assert.equal(patch.substatus, 'escalating');
    for (const key of Object.keys(CLEARED_IGNORE)) assert.equal(patch[key as keyof typeof patch], null, key);
  });
});

describe('effectiveSubstatus', () => {
  it('new and regressed read as ongoing after 7 days; other states as stored', () => {
    const issue = { ...base, substatus: 'new', firstSeen: T };
    assert.equal(effectiveSubstatus(issue, T + ONGOING_AFTER_MS - 1), 'new');
    assert.equal(effectiveSubstatus(issue, T + ONGOING_AFTER_MS), 'ongoing');
    const regressed = { ...base, substatus: 'regressed', regressedAt: T + ONGOING_AFTER_MS, firstSeen: T };
    assert.equal(effectiveSubstatus(regressed, T + ONGOING_AFTER_MS + 1), 'regressed');
    assert.equal(effectiveSubstatus(regressed, T + 2 * ONGOING_AFTER_MS), 'ongoing');
    assert.equal(effectiveSubstatus({ ...issue, substatus: 'escalating' }, T + 10 * ONGOING_AFTER_MS), 'escalating');
    assert.equal(effectiveSubstatus({ ...issue, status: 'ignored', substatus: 'archived_forever' }, T + 10 * ONGOING_AFTER_MS), 'archived_forever');
  });
});
