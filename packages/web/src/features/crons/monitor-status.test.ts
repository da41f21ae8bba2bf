import { describe, expect, it } from 'vitest';
import { environment, monitor } from './crons-test-data.test-support.js';
import { environmentBadge, monitorBadge, nextExpected } from './monitor-status.js';

describe('monitor status badges', () => {
  const m = monitor('nightly');
  it('reads each environment status, muted and disabled included', () => {
    expect(environmentBadge(m, environment('production', { status: 'ok' }))).toEqual({ text: 'OK', tone: 'ok' });
    expect(environmentBadge(m, environment('production', { status: 'error' }))).toEqual({ text: 'Failing', tone: 'error' });
    expect(environmentBadge(m, environment('production', { status: 'active', lastCheckIn: null }))).toEqual({
      text: 'Waiting for first check-in',
      tone: 'waiting',
    });
    expect(environmentBadge(m, environment('production', { status: 'active' }))).toEqual({ text: 'Active', tone: 'waiting' });
    expect(environmentBadge({ ...m, isMuted: true }, environment('production', { status: 'error' }))).toEqual({ text: 'Failing (muted)', tone: 'error' });
    expect(environmentBadge(m, environment('production', { status: 'ok', isMuted: true }))).toEqual({ text: 'OK (muted)', tone: 'off' });
    expect(environmentBadge({ ...m, status: 'disabled' }, environment('production', { status: 'error' }))).toEqual({ text: 'Disabled', tone: 'off' });
    expect(monitorBadge({ ...m, environments: [] })).toEqual({ text: 'Waiting for first check-in', tone: 'waiting' });
  });

  it('takes the soonest next run over the environments', () => {
    const two = monitor('two', {
      environments: [
        environment('a', { nextCheckIn: '2026-11-22T02:00:00Z' }),
        environment('b', { nextCheckIn: '2026-11-21T02:00:00Z' }),
        environment('c', { nextCheckIn: null }),
      ],
    });
    expect(nextExpected(two)).toBe('2026-11-21T02:00:00Z');
    expect(nextExpected(monitor('none', { environments: [] }))).toBeNull();
  });
});
