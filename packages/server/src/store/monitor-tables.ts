import type { Generated } from 'kysely';

/**
 * Row types of the crons tables (migration 0017). Times are epoch ms; durations ms (the
 * envelope's seconds are converted on the way in). Sentry's model:
 * https://docs.sentry.io/product/crons/
 */
export interface MonitorTable {
  id: Generated<number>;
  /** 32 hex, no dashes: the monitor's `id` in Sentry's JSON */
  guid: string;
  org_id: number;
  project_id: number;
  /** unique per organization */
  slug: string;
  name: string;
  /** active | disabled */
  status: string;
  is_muted: number;
  /** `user:<id>` | `team:<id>` | null */
  owner: string | null;
  /** crontab | interval */
  schedule_type: string;
  /** crontab: the 5-field expression; interval: the number of units */
  schedule: string;
  /** interval only: minute | hour | day | week | month | year */
  interval_unit: string | null;
  /** minutes; null = Sentry's default (1) */
  checkin_margin: number | null;
  /** minutes; null = Sentry's default (30) */
  max_runtime: number | null;
  /** IANA name; 'UTC' by default */
  timezone: string;
  /** null = 1 */
  failure_issue_threshold: number | null;
  /** null = 1 */
  recovery_threshold: number | null;
  created_at: number;
  updated_at: number;
}

/** One environment of a monitor: its own schedule position and status. */
export interface MonitorEnvironmentTable {
  id: Generated<number>;
  monitor_id: number;
  environment: string;
  /** active (no result yet) | ok | error (an incident is open) */
  status: string;
  is_muted: number;
  created_at: number;
  last_checkin: number | null;
  /** when the next check-in is expected */
  next_checkin: number | null;
  /** next_checkin + margin: after it, the sweep marks the run missed */
  next_checkin_latest: number | null;
}

export interface MonitorCheckInTable {
  id: Generated<number>;
  /** the client's check_in_id (32 hex) or a generated one for synthetic check-ins */
  guid: string;
  project_id: number;
  monitor_id: number;
  environment_id: number;
  /** in_progress | ok | error | missed | timeout */
  status: string;
  duration_ms: number | null;
  /** when the run started (missed: its expected time) */
  date_created: number;
  date_updated: number;
  date_in_progress: number | null;
  /** when the server received the check-in */
  date_clock: number | null;
  expected_time: number | null;
  /** in_progress only: when it becomes a timeout */
  timeout_at: number | null;
  trace_id: string | null;
  release: string | null;
  /** JSON snapshot of the monitor's config at check-in time */
  monitor_config: string;
}

/** Consecutive failures that opened a cron issue; resolved after enough successes. */
export interface MonitorIncidentTable {
  id: Generated<number>;
  monitor_id: number;
  environment_id: number;
  /** the cron issue's grouping hash (32 hex), one issue per incident */
  grouphash: string;
  starting_checkin_id: number | null;
  starting_at: number;
  resolving_checkin_id: number | null;
  resolving_at: number | null;
}

export interface MonitorTables {
  monitors: MonitorTable;
  monitor_environments: MonitorEnvironmentTable;
  monitor_checkins: MonitorCheckInTable;
  monitor_incidents: MonitorIncidentTable;
}
