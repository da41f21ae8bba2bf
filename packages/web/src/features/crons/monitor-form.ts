import type { IntervalUnit, MonitorConfig, MonitorUpdate } from '../../api/index.js';

/** The settings form's fields as typed, strings until saved. */
export interface MonitorForm {
  scheduleType: 'crontab' | 'interval';
  crontab: string;
  intervalValue: string;
  intervalUnit: IntervalUnit;
  timezone: string;
  checkinMargin: string;
  maxRuntime: string;
  failureThreshold: string;
  recoveryThreshold: string;
}

export type FormField = keyof MonitorForm;

export const INTERVAL_UNITS: readonly IntervalUnit[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function formOf(config: MonitorConfig): MonitorForm {
  const interval = Array.isArray(config.schedule) ? config.schedule : null;
  return {
    scheduleType: interval ? 'interval' : 'crontab',
    crontab: interval ? '' : String(config.schedule),
    intervalValue: interval ? String(interval[0]) : '1',
    intervalUnit: interval ? interval[1] : 'hour',
    timezone: config.timezone || 'UTC',
    checkinMargin: text(config.checkin_margin),
    maxRuntime: text(config.max_runtime),
    failureThreshold: text(config.failure_issue_threshold),
    recoveryThreshold: text(config.recovery_threshold),
  };
}

/**
 * The limits Sentry's monitor validator applies (API docs "Update a Monitor"; docs/crons.md),
 * checked before saving so the person sees the problem beside the field. Empty means "default".
 */
const LIMITS: Record<'checkinMargin' | 'maxRuntime' | 'failureThreshold' | 'recoveryThreshold', [number, number, string]> = {
  checkinMargin: [1, 40_320, 'minutes'],
  maxRuntime: [1, 40_320, 'minutes'],
  failureThreshold: [1, 720, 'check-ins'],
  recoveryThreshold: [1, 720, 'check-ins'],
};

function wholeNumber(value: string): number | null {
  return /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export type FormResult = { ok: true; body: MonitorUpdate } | { ok: false; errors: Partial<Record<FormField, string>> };

export function updateOf(form: MonitorForm): FormResult {
  const errors: Partial<Record<FormField, string>> = {};
  let schedule: MonitorConfig['schedule'] = form.crontab.trim();
  if (form.scheduleType === 'crontab') {
    if (schedule === '') errors.crontab = 'Enter a crontab, e.g. 0 2 * * *';
  } else {
    const value = wholeNumber(form.intervalValue);
    if (value === null || value < 1) errors.intervalValue = 'Enter a whole number of at least 1';
    schedule = [value ?? 1, form.intervalUnit];
  }
  const numbers: Partial<Record<keyof typeof LIMITS, number | null>> = {};
  for (const [field, [min, max, unit]] of Object.entries(LIMITS) as [keyof typeof LIMITS, [number, number, string]][]) {
    const raw = form[field].trim();
    if (raw === '') {
      numbers[field] = null;
      continue;
    }
    const n = wholeNumber(raw);
    if (n === null || n < min || n > max) errors[field] = `Enter a whole number of ${unit} from ${min} to ${max}`;
    else numbers[field] = n;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      config: {
        schedule_type: form.scheduleType,
        schedule,
        timezone: form.timezone.trim() || 'UTC',
        checkin_margin: numbers.checkinMargin ?? null,
        max_runtime: numbers.maxRuntime ?? null,
        failure_issue_threshold: numbers.failureThreshold ?? null,
        recovery_threshold: numbers.recoveryThreshold ?? null,
      },
    },
  };
}
