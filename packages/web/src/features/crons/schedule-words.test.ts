import { describe, expect, it } from 'vitest';
import { describeSchedule } from './schedule-words.js';

const crontab = (schedule: string, timezone?: string) => describeSchedule({ schedule_type: 'crontab', schedule, timezone: timezone ?? null });

describe('describeSchedule', () => {
  it('says daily crontabs as "every day at" with the monitor’s timezone (UTC when none)', () => {
    expect(crontab('0 2 * * *')).toBe('Every day at 02:00 UTC');
    expect(crontab('0 3 * * *', 'Europe/Vienna')).toBe('Every day at 03:00 Europe/Vienna');
    expect(crontab('0 9,17 * * *', 'UTC')).toBe('Every day at 09:00 and 17:00 UTC');
  });

  it('keeps the day restriction after the time and leaves the zone off schedules without a time of day', () => {
    expect(crontab('0 3 * * 1')).toBe('At 03:00 UTC, only on Monday');
    expect(crontab('15 14 * * 1-5', 'America/New_York')).toBe('At 14:15 America/New_York, Monday through Friday');
    expect(crontab('*/5 * * * *')).toBe('Every 5 minutes');
    expect(crontab('0 * * * *')).toBe('Every hour');
  });

  it('says intervals in their unit, singular for one', () => {
    expect(describeSchedule({ schedule_type: 'interval', schedule: [10, 'minute'] })).toBe('Every 10 minutes');
    expect(describeSchedule({ schedule_type: 'interval', schedule: [1, 'day'] })).toBe('Every day');
  });

  it('shows a schedule it cannot read as written instead of failing', () => {
    expect(crontab('61 * * * *')).toBe('61 * * * * (UTC)');
  });
});
