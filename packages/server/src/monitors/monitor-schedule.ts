import { Cron } from 'croner';

/**
 * Schedules: a 5-field crontab evaluated in the monitor's time zone, or an interval anchored on
 * the last check-in (Sentry: https://docs.sentry.io/product/crons/job-monitoring/#schedule).
 * Crontabs are parsed and stepped by croner (no hand-written parser); day-of-month and
 * day-of-week combine with OR, as in Vixie cron and Sentry.
 */
export type IntervalUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type Schedule =
  | { readonly type: 'crontab'; readonly crontab: string }
  | { readonly type: 'interval'; readonly value: number; readonly unit: IntervalUnit };

const UNITS: readonly IntervalUnit[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];
const UNIT_MS: Record<'minute' | 'hour' | 'day' | 'week', number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** Sentry's nicknames, normalised to crontab. */
const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export const MAX_CRONTAB_LENGTH = 100;

/**
 * Accepts `"0 2 * * *"` (with `schedule_type` crontab or absent), `[10, "minute"]` (with
 * `schedule_type` interval), or `{"type": "crontab"|"interval", "value", "unit"}` as the
 * SDKs send it.
 */
export function parseSchedule(schedule: unknown, scheduleType: unknown): { ok: true; schedule: Schedule } | { ok: false; reason: string } {
  if (schedule !== null && typeof schedule === 'object' && !Array.isArray(schedule)) {
    const s = schedule as Record<string, unknown>;
    if (s.type === 'crontab') return crontab(s.value);
    if (s.type === 'interval') return interval(s.value, s.unit);
    return { ok: false, reason: 'Schedule type is invalid' };
  }
  if (scheduleType === 'interval' || Array.isArray(schedule)) {
    if (!Array.isArray(schedule) || schedule.length !== 2) return { ok: false, reason: 'Invalid interval schedule' };
    return interval(schedule[0], schedule[1]);
  }
  if (scheduleType !== undefined && scheduleType !== null && scheduleType !== 'crontab') return { ok: false, reason: 'Schedule type is invalid' };
  return crontab(schedule);
}

function crontab(value: unknown): { ok: true; schedule: Schedule } | { ok: false; reason: string } {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_CRONTAB_LENGTH) return { ok: false, reason: 'Schedule is invalid' };
  const text = value.trim().replace(/\s+/g, ' ');
  const normalized = NICKNAMES[text.toLowerCase()] ?? text;
  if (normalized.split(' ').length !== 5) return { ok: false, reason: 'Only 5 field crontab syntax is supported' };
  try {
    new Cron(normalized, { mode: '5-part', paused: true, timezone: 'UTC' }).nextRun();
  } catch {
    return { ok: false, reason: 'Schedule is invalid' };
  }
  return { ok: true, schedule: { type: 'crontab', crontab: normalized } };
}

function interval(value: unknown, unit: unknown): { ok: true; schedule: Schedule } | { ok: false; reason: string } {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || n > 1_000_000)
    return { ok: false, reason: 'Ensure this value is greater than or equal to 1.' };
  if (typeof unit !== 'string' || !UNITS.includes(unit as IntervalUnit)) return { ok: false, reason: `"${String(unit).slice(0, 32)}" is not a valid choice.` };
  return { ok: true, schedule: { type: 'interval', value: n, unit: unit as IntervalUnit } };
}

/**
 * The first expected run strictly after `after` (epoch ms): the next crontab tick in the
 * monitor's time zone, or `after` plus the interval (months and years by the calendar, UTC).
 */
export function nextExpected(schedule: Schedule, timezone: string, after: number): number {
  if (schedule.type === 'interval') return addInterval(after, schedule.value, schedule.unit);
  // Crontab ticks are whole minutes: a check-in at 02:00:13 expects the tick after 02:00.
  const next = cronOf(schedule.crontab, timezone).nextRun(new Date(after));
  // A crontab that never fires again (e.g. 30 February) has no next run: expect nothing.
  return next === null ? Number.MAX_SAFE_INTEGER : next.getTime();
}

/**
 * The most recent expected run at or before `at`: after a missed run, the schedule resumes from
 * here, so a long downtime yields one missed check-in, not one per tick (Sentry's
 * `mark_environment_missing` does the same).
 */
export function latestExpectedAtOrBefore(schedule: Schedule, timezone: string, anchor: number, at: number): number {
  if (schedule.type === 'interval') {
    let t = anchor;
    // Calendar units need stepping; fixed ones are a division.
    if (schedule.unit === 'month' || schedule.unit === 'year') {
      for (let i = 0; i < 10_000; i++) {
        const n = addInterval(t, schedule.value, schedule.unit);
        if (n > at) break;
        t = n;
      }
      return t;
    }
    const step = schedule.value * UNIT_MS[schedule.unit];
    return anchor + Math.max(0, Math.floor((at - anchor) / step)) * step;
  }
  const previous = cronOf(schedule.crontab, timezone).previousRuns(1, new Date(at + 1));
  return previous[0]?.getTime() ?? at;
}

function cronOf(crontab: string, timezone: string): Cron {
  return new Cron(crontab, { mode: '5-part', paused: true, timezone });
}

function addInterval(at: number, value: number, unit: IntervalUnit): number {
  if (unit === 'month' || unit === 'year') {
    const d = new Date(at);
    if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + value);
    else d.setUTCFullYear(d.getUTCFullYear() + value);
    return d.getTime();
  }
  return at + value * UNIT_MS[unit];
}
