import { describe, expect, it } from 'vitest';
import { comparePoints, DEFAULT_THRESHOLDS, formatHealthPercent, healthLevel, levelNote, ratesOf } from './health-rates.js';

describe('healthLevel', () => {
  it('is good at or above the target, a warning down to the warning threshold, bad below it', () => {
    expect(healthLevel(99, DEFAULT_THRESHOLDS)).toBe('good');
    expect(healthLevel(100, DEFAULT_THRESHOLDS)).toBe('good');
    expect(healthLevel(98.99, DEFAULT_THRESHOLDS)).toBe('warning');
    expect(healthLevel(97, DEFAULT_THRESHOLDS)).toBe('warning');
    expect(healthLevel(96.99, DEFAULT_THRESHOLDS)).toBe('bad');
    expect(healthLevel(null, DEFAULT_THRESHOLDS)).toBe('none');
    expect(healthLevel(95, { healthy: 95, warning: 90 })).toBe('good');
    expect(levelNote('bad', DEFAULT_THRESHOLDS)).toBe('below the 97% warning threshold');
  });
});

describe('formatHealthPercent', () => {
  it('shows one decimal, never rounds a crash up to 100%, and a dash for no data', () => {
    expect(formatHealthPercent(96.123)).toBe('96.1%');
    expect(formatHealthPercent(100)).toBe('100%');
    expect(formatHealthPercent(99.98)).toBe('>99.9%');
    expect(formatHealthPercent(50)).toBe('50%');
    expect(formatHealthPercent(0)).toBe('0%');
    expect(formatHealthPercent(0.01)).toBe('<0.1%');
    expect(formatHealthPercent(null)).toBe('—');
  });
});

describe('comparePoints', () => {
  it('says the change in percentage points against the previous release', () => {
    expect(comparePoints(96.1, 98.9, '2.4.0')).toBe('−2.8 points against 2.4.0');
    expect(comparePoints(99.5, 98.5, '2.4.0')).toBe('+1 point against 2.4.0');
    expect(comparePoints(99.5, 99.5, '2.4.0')).toBe('±0 points against 2.4.0');
    expect(comparePoints(99.5, null, '2.4.0')).toBe('2.4.0 has no sessions to compare with');
    expect(comparePoints(99.5, undefined, '2.4.0')).toBeNull();
    expect(comparePoints(null, 99, '2.4.0')).toBeNull();
  });
});

describe('ratesOf', () => {
  it('reads the four rates, null where the server sent none', () => {
    expect(ratesOf(undefined)).toEqual({ crashFreeUsers: null, crashFreeSessions: null, unhandledFreeUsers: null, unhandledFreeSessions: null });
    const r = ratesOf({
      crashFreeUsers: 100,
      crashFreeSessions: 100,
      unhandledFreeUsers: 80,
      totalUsers: 5,
      totalSessions: 9,
      sessionsCrashed: 0,
      sessionsErrored: 2,
      adoption: 50,
      sessionsAdoption: 40,
      hasHealthData: true,
    });
    expect([r.crashFreeUsers, r.unhandledFreeUsers, r.unhandledFreeSessions]).toEqual([100, 80, null]);
  });
});
