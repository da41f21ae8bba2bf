import type { Selectable } from 'kysely';
import type { MonitorCheckInTable, MonitorEnvironmentTable, MonitorIncidentTable, MonitorTable } from '../../store/index.js';
import type { MonitorConfig } from '../monitor-config.js';
import type { IntervalUnit, Schedule } from '../monitor-schedule.js';

/** A monitor as the rest of the code sees it (times epoch ms). */
export interface MonitorRecord {
  readonly id: number;
  /** 32 hex: Sentry's monitor `id` */
  readonly guid: string;
  readonly orgId: number;
  readonly projectId: number;
  readonly slug: string;
  readonly name: string;
  readonly status: 'active' | 'disabled';
  readonly isMuted: boolean;
  readonly config: MonitorConfig;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One (monitor, environment): its place in the schedule and its status. */
export interface MonitorEnvironmentRecord {
  readonly id: number;
  readonly monitorId: number;
  readonly environment: string;
  /** active (no result yet) | ok | error (an incident is open) */
  readonly status: 'active' | 'ok' | 'error';
  readonly isMuted: boolean;
  readonly createdAt: number;
  readonly lastCheckIn: number | null;
  readonly nextCheckIn: number | null;
  readonly nextCheckInLatest: number | null;
}

export type CheckInStatus = 'in_progress' | 'ok' | 'error' | 'missed' | 'timeout';

export interface CheckInRecord {
  readonly id: number;
  /** check_in_id (32 hex) */
  readonly guid: string;
  readonly projectId: number;
  readonly monitorId: number;
  readonly environmentId: number;
  readonly environment: string;
  readonly status: CheckInStatus;
  readonly durationMs: number | null;
  readonly dateCreated: number;
  readonly dateUpdated: number;
  readonly dateInProgress: number | null;
  readonly dateClock: number | null;
  readonly expectedTime: number | null;
  readonly timeoutAt: number | null;
  readonly traceId: string | null;
  readonly release: string | null;
  /** the monitor's config JSON at check-in time (`{}` when unknown) */
  readonly monitorConfig: Record<string, unknown>;
}

export interface IncidentRecord {
  readonly id: number;
  readonly monitorId: number;
  readonly environmentId: number;
  /** the cron issue's grouping hash */
  readonly grouphash: string;
  readonly startingCheckInId: number | null;
  readonly startingAt: number;
  readonly resolvingCheckInId: number | null;
  readonly resolvingAt: number | null;
}

export function monitorOf(r: Selectable<MonitorTable>): MonitorRecord {
  const schedule: Schedule =
    r.schedule_type === 'interval'
      ? { type: 'interval', value: Number(r.schedule), unit: (r.interval_unit ?? 'minute') as IntervalUnit }
      : { type: 'crontab', crontab: r.schedule };
  return {
    id: r.id,
    guid: r.guid,
    orgId: r.org_id,
    projectId: r.project_id,
    slug: r.slug,
    name: r.name,
    status: r.status === 'disabled' ? 'disabled' : 'active',
    isMuted: r.is_muted === 1,
    config: {
      schedule,
      checkinMargin: r.checkin_margin,
      maxRuntime: r.max_runtime,
      timezone: r.timezone,
      failureIssueThreshold: r.failure_issue_threshold,
      recoveryThreshold: r.recovery_threshold,
      owner: r.owner,
    },
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** The config's columns. */
export function configColumns(c: MonitorConfig) {
  return {
    schedule_type: c.schedule.type,
    schedule: c.schedule.type === 'crontab' ? c.schedule.crontab : String(c.schedule.value),
    interval_unit: c.schedule.type === 'interval' ? c.schedule.unit : null,
    checkin_margin: c.checkinMargin,
    max_runtime: c.maxRuntime,
    timezone: c.timezone,
    failure_issue_threshold: c.failureIssueThreshold,
    recovery_threshold: c.recoveryThreshold,
    owner: c.owner,
  };
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

export function environmentOf(r: Selectable<MonitorEnvironmentTable>): MonitorEnvironmentRecord {
  return {
    id: r.id,
    monitorId: r.monitor_id,
    environment: r.environment,
    status: r.status === 'ok' || r.status === 'error' ? r.status : 'active',
    isMuted: r.is_muted === 1,
    createdAt: Number(r.created_at),
    lastCheckIn: num(r.last_checkin),
    nextCheckIn: num(r.next_checkin),
    nextCheckInLatest: num(r.next_checkin_latest),
  };
}

export function checkInOf(r: Selectable<MonitorCheckInTable> & { environment: string }): CheckInRecord {
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.monitor_config);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed as Record<string, unknown>;
  } catch {
    // a snapshot is informative only
  }
  return {
    id: r.id,
    guid: r.guid,
    projectId: r.project_id,
    monitorId: r.monitor_id,
    environmentId: r.environment_id,
    environment: r.environment,
    status: r.status as CheckInStatus,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    dateCreated: Number(r.date_created),
    dateUpdated: Number(r.date_updated),
    dateInProgress: num(r.date_in_progress),
    dateClock: num(r.date_clock),
    expectedTime: num(r.expected_time),
    timeoutAt: num(r.timeout_at),
    traceId: r.trace_id,
    release: r.release,
    monitorConfig: config,
  };
}

export function incidentOf(r: Selectable<MonitorIncidentTable>): IncidentRecord {
  return {
    id: r.id,
    monitorId: r.monitor_id,
    environmentId: r.environment_id,
    grouphash: r.grouphash,
    startingCheckInId: r.starting_checkin_id,
    startingAt: Number(r.starting_at),
    resolvingCheckInId: r.resolving_checkin_id,
    resolvingAt: num(r.resolving_at),
  };
}
