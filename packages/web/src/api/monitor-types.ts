// The crons shapes of /api/0/ (Sentry API docs: "Retrieve Monitors for an Organization",
// "Retrieve a Monitor", "Retrieve Check-Ins for a Monitor"; docs/crons.md).

/** `crontab`: `schedule` is a 5-field crontab; `interval`: `[value, unit]`. */
export type IntervalUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface MonitorConfig {
  schedule_type: 'crontab' | 'interval';
  schedule: string | [number, IntervalUnit];
  /** minutes a check-in may be late before the run counts as missed */
  checkin_margin: number | null;
  /** minutes an `in_progress` check-in may run before it times out */
  max_runtime: number | null;
  timezone?: string | null;
  failure_issue_threshold?: number | null;
  recovery_threshold?: number | null;
  alert_rule_id?: number | null;
}

/** Environment status: `active` until the first result; `error` while an incident is open. */
export type MonitorEnvironmentStatus = 'active' | 'ok' | 'error' | 'disabled' | 'missed_checkin' | 'timeout';

export interface MonitorIncident {
  startingTimestamp: string;
  resolvingTimestamp: string | null;
  brokenNotice?: { userNotifiedTimestamp: string | null; environmentMutedTimestamp: string | null } | null;
}

export interface MonitorEnvironment {
  name: string;
  status: MonitorEnvironmentStatus;
  isMuted: boolean;
  dateCreated: string;
  lastCheckIn: string | null;
  nextCheckIn: string | null;
  nextCheckInLatest: string | null;
  activeIncident?: MonitorIncident | null;
}

export interface Monitor {
  id: string;
  slug: string;
  name: string;
  /** object status: `disabled` monitors take no check-ins and are never marked missed */
  status: 'active' | 'disabled' | 'pending_deletion' | 'deletion_in_progress';
  isMuted: boolean;
  type: 'cron_job';
  config: MonitorConfig;
  dateCreated: string;
  project: { id: string; slug: string; name: string; platform?: string | null };
  owner: { type: 'user' | 'team'; id: string; name: string } | null;
  environments: MonitorEnvironment[];
}

export type CheckInStatus = 'ok' | 'error' | 'in_progress' | 'missed' | 'timeout' | 'unknown';

export interface CheckIn {
  id: string;
  environment: string;
  status: CheckInStatus;
  /** milliseconds; null while in progress and for missed runs */
  duration: number | null;
  /** when it happened; a missed check-in is back-dated to its expected time */
  dateCreated: string;
  expectedTime: string | null;
  monitorConfig?: Partial<MonitorConfig>;
  /** with `expand=groups`: issues whose events share the check-in's trace */
  groups?: { id: number | string; shortId: string }[];
}

/** One bucket of `…/monitors/{slug}/stats/`: check-ins per status and their mean duration (ms). */
export interface MonitorStatsPoint {
  ts: number;
  ok: number;
  error: number;
  missed: number;
  timeout: number;
  unknown?: number;
  duration: number;
}

/** The body of `PUT …/monitors/{slug}/`: `config` keys merge into the monitor's config. */
export interface MonitorUpdate {
  name?: string;
  isMuted?: boolean;
  status?: 'active' | 'disabled';
  config?: Partial<MonitorConfig>;
}
