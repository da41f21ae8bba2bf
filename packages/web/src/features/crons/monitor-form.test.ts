import { describe, expect, it } from 'vitest';
import type { MonitorConfig } from '../../api/index.js';
import { formOf, updateOf } from './monitor-form.js';

const CONFIG: MonitorConfig = {
  schedule_type: 'crontab',
  schedule: '0 2 * * *',
  checkin_margin: 5,
  max_runtime: 30,
  timezone: 'Europe/Vienna',
  failure_issue_threshold: 2,
  recovery_threshold: 3,
};

describe('monitor settings form', () => {
  it('round-trips a crontab config into the PUT body Sentry takes', () => {
    const result = updateOf(formOf(CONFIG));
    expect(result).toEqual({
      ok: true,
      body: {
        config: {
          schedule_type: 'crontab',
          schedule: '0 2 * * *',
          timezone: 'Europe/Vienna',
          checkin_margin: 5,
          max_runtime: 30,
          failure_issue_threshold: 2,
          recovery_threshold: 3,
        },
      },
    });
  });

  it('sends an interval as [value, unit] and empty numbers as null (the server’s default)', () => {
    const form = { ...formOf({ ...CONFIG, schedule_type: 'interval', schedule: [10, 'minute'] }), checkinMargin: '', recoveryThreshold: ' ' };
    expect(form.scheduleType).toBe('interval');
    const result = updateOf(form);
    expect(result.ok && result.body.config).toMatchObject({
      schedule_type: 'interval',
      schedule: [10, 'minute'],
      checkin_margin: null,
      recovery_threshold: null,
    });
  });

  it('names each field outside Sentry’s limits instead of sending it', () => {
    const result = updateOf({ ...formOf(CONFIG), maxRuntime: '40321', failureThreshold: '0', checkinMargin: '2.5', crontab: ' ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      crontab: 'Enter a crontab, e.g. 0 2 * * *',
      maxRuntime: 'Enter a whole number of minutes from 1 to 40320',
      failureThreshold: 'Enter a whole number of check-ins from 1 to 720',
      checkinMargin: 'Enter a whole number of minutes from 1 to 40320',
    });
  });
});
