import type { CheckIn, Monitor, MonitorEnvironment } from '../../api/index.js';

/** Monitors and check-ins in the shapes of Sentry's monitor API (docs/crons.md), for the component tests. */
export function environment(name: string, patch: Partial<MonitorEnvironment> = {}): MonitorEnvironment {
  return {
    name,
    status: 'ok',
    isMuted: false,
    dateCreated: '2026-11-01T10:00:00.000000Z',
    lastCheckIn: '2026-11-21T02:00:13.000000Z',
    nextCheckIn: '2099-11-22T02:00:00.000000Z',
    nextCheckInLatest: '2099-11-22T02:05:00.000000Z',
    activeIncident: null,
    ...patch,
  };
}

export function monitor(slug: string, patch: Partial<Monitor> = {}): Monitor {
  return {
    id: `${slug.length}d5a1c1e3b0c4b2d9f6f2d1a0c9b8e7f`.slice(0, 32),
    slug,
    name: slug,
    status: 'active',
    isMuted: false,
    type: 'cron_job',
    config: {
      schedule_type: 'crontab',
      schedule: '0 2 * * *',
      checkin_margin: 5,
      max_runtime: 30,
      timezone: 'UTC',
      failure_issue_threshold: 2,
      recovery_threshold: 3,
      alert_rule_id: null,
    },
    dateCreated: '2026-11-01T10:00:00.000000Z',
    project: { id: '2', slug: 'shop', name: 'Shop', platform: 'node' },
    owner: null,
    environments: [environment('production')],
    ...patch,
  };
}

let n = 0;
export function checkIn(status: CheckIn['status'], dateCreated: string, patch: Partial<CheckIn> = {}): CheckIn {
  n += 1;
  return {
    id: `${n}`.padStart(32, '0'),
    environment: 'production',
    status,
    duration: status === 'missed' ? null : 13_250,
    dateCreated,
    expectedTime: dateCreated,
    monitorConfig: {},
    ...patch,
  };
}
