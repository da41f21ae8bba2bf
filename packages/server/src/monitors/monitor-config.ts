import { isJsonObject } from '@faultline/protocol';
import { parseSchedule, type Schedule } from './monitor-schedule.js';

/**
 * A monitor's configuration as the SDKs send it in `monitor_config` and the API in `config`
 * (Sentry: https://docs.sentry.io/product/crons/getting-started/http/#creating-or-updating-a-monitor
 * and the check-in item, https://develop.sentry.dev/sdk/telemetry/check-ins/). Absent optional
 * keys stay null and mean Sentry's defaults (DEFAULTS below).
 */
export interface MonitorConfig {
  readonly schedule: Schedule;
  /** minutes of grace after the expected time */
  readonly checkinMargin: number | null;
  /** minutes an in_progress check-in may last */
  readonly maxRuntime: number | null;
  readonly timezone: string;
  readonly failureIssueThreshold: number | null;
  readonly recoveryThreshold: number | null;
  /** `user:<id>` | `team:<id>` as sent; resolved by the API */
  readonly owner: string | null;
}

/** Sentry's defaults for absent settings (minutes, counts). */
export const MONITOR_DEFAULTS = { checkinMargin: 1, maxRuntime: 30, failureIssueThreshold: 1, recoveryThreshold: 1 } as const;

/** Sentry's bounds: max_runtime up to 28 days, thresholds up to 720. */
export const MONITOR_LIMITS = { maxRuntime: 40_320, threshold: 720, checkinMargin: 40_320 } as const;

export type ConfigResult = { ok: true; config: MonitorConfig } | { ok: false; field: string; reason: string };

/** Parses `monitor_config` / the API's `config`; every problem names its field, as Sentry's 400 body does. */
export function parseMonitorConfig(value: unknown): ConfigResult {
  if (!isJsonObject(value)) return { ok: false, field: 'config', reason: 'Expected an object' };
  const tz = value.timezone ?? null;
  if (tz !== null && (typeof tz !== 'string' || !isKnownTimezone(tz)))
    return { ok: false, field: 'timezone', reason: `"${String(tz).slice(0, 64)}" is not a valid choice.` };
  const schedule = parseSchedule(value.schedule, value.schedule_type);
  if (!schedule.ok) return { ok: false, field: 'schedule', reason: schedule.reason };
  // Sentry coerces a margin of 0 to 1 minute.
  const margin = optionalInt(value.checkin_margin, 0, MONITOR_LIMITS.checkinMargin);
  if (!margin.ok) return { ok: false, field: 'checkin_margin', reason: margin.reason };
  const runtime = optionalInt(value.max_runtime, 1, MONITOR_LIMITS.maxRuntime);
  if (!runtime.ok) return { ok: false, field: 'max_runtime', reason: runtime.reason };
  const failure = optionalInt(value.failure_issue_threshold, 1, MONITOR_LIMITS.threshold);
  if (!failure.ok) return { ok: false, field: 'failure_issue_threshold', reason: failure.reason };
  const recovery = optionalInt(value.recovery_threshold, 1, MONITOR_LIMITS.threshold);
  if (!recovery.ok) return { ok: false, field: 'recovery_threshold', reason: recovery.reason };
  const owner = typeof value.owner === 'string' && value.owner !== '' ? value.owner.slice(0, 64) : null;
  return {
    ok: true,
    config: {
      schedule: schedule.schedule,
      checkinMargin: margin.value === null ? null : Math.max(1, margin.value),
      maxRuntime: runtime.value,
      timezone: tz ?? 'UTC',
      failureIssueThreshold: failure.value,
      recoveryThreshold: recovery.value,
      owner,
    },
  };
}

export function isKnownTimezone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function optionalInt(v: unknown, min: number, max: number): { ok: true; value: number | null } | { ok: false; reason: string } {
  if (v === undefined || v === null) return { ok: true, value: null };
  if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: 'A valid integer is required.' };
  const n = Math.trunc(v);
  if (n < min) return { ok: false, reason: `Ensure this value is greater than or equal to ${min}.` };
  if (n > max) return { ok: false, reason: `Ensure this value is less than or equal to ${max}.` };
  return { ok: true, value: n };
}

/** The config as Sentry's monitor JSON `config` and a check-in's `monitorConfig` show it. */
export function monitorConfigJson(c: MonitorConfig): Record<string, unknown> {
  return {
    schedule_type: c.schedule.type,
    schedule: c.schedule.type === 'crontab' ? c.schedule.crontab : [c.schedule.value, c.schedule.unit],
    checkin_margin: c.checkinMargin,
    max_runtime: c.maxRuntime,
    timezone: c.timezone,
    failure_issue_threshold: c.failureIssueThreshold,
    recovery_threshold: c.recoveryThreshold,
    alert_rule_id: null,
  };
}

/**
 * PUT semantics: the keys sent replace those of `existing`, the others stay (Sentry merges
 * `config`). A new schedule replaces the old one whole.
 */
export function mergeMonitorConfig(existing: MonitorConfig, value: unknown): ConfigResult {
  if (!isJsonObject(value)) return { ok: false, field: 'config', reason: 'Expected an object' };
  const base: Record<string, unknown> = { ...monitorConfigJson(existing), owner: existing.owner };
  const hasSchedule = value.schedule !== undefined;
  const merged = { ...base, ...value };
  if (!hasSchedule) {
    merged.schedule = base.schedule;
    merged.schedule_type = base.schedule_type;
  } else if (value.schedule_type === undefined) merged.schedule_type = undefined;
  return parseMonitorConfig(merged);
}
