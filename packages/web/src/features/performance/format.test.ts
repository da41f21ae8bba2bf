import { describe, expect, it } from 'vitest';
import { durationChange, formatDuration, formatPercent, formatRate, numberOf } from './format.js';

describe('performance formats', () => {
  it('picks the unit a duration reads best in', () => {
    expect(formatDuration(0.25)).toBe('250 µs');
    expect(formatDuration(7.06)).toBe('7.1 ms');
    expect(formatDuration(7)).toBe('7 ms');
    expect(formatDuration(12)).toBe('12 ms');
    expect(formatDuration(230.5)).toBe('231 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(150_000)).toBe('2.5 min');
    expect(formatDuration(null)).toBe('—');
  });

  it('keeps two significant digits of slow rates, and shows shares as percentages', () => {
    expect(formatRate(0.0013889)).toBe('0.0014/min');
    expect(formatRate(1.277)).toBe('1.3/min');
    expect(formatRate(250.4)).toBe('250/min');
    expect(formatRate(0)).toBe('0/min');
    expect(formatPercent(0.012)).toBe('1.2%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(undefined)).toBe('—');
  });

  it('compares a duration with the previous window: slower is up, a route new in this window has no ratio', () => {
    expect(durationChange(150, 100)).toEqual({ ratio: 0.5, text: '+50%', direction: 'up' });
    expect(durationChange(75, 100)).toEqual({ ratio: -0.25, text: '−25%', direction: 'down' });
    expect(durationChange(100.5, 100).direction).toBe('same');
    expect(durationChange(80, null)).toEqual({ ratio: null, text: 'new', direction: 'new' });
    expect(durationChange(null, 80).text).toBe('—');
  });

  it('reads only finite numbers from a row', () => {
    expect(numberOf(3)).toBe(3);
    expect(numberOf('3')).toBeNull();
    expect(numberOf(null)).toBeNull();
  });
});
