import cronstrue from 'cronstrue';
import type { IntervalUnit, MonitorConfig } from '../../api/index.js';

/**
 * A monitor's schedule in words: "Every day at 02:00 UTC", "At 03:00 Europe/Vienna, only on
 * Monday", "Every 10 minutes". Crontabs are described by cronstrue (English only, 24-hour
 * clock); the zone follows the last time of day, since the server evaluates crontabs in the
 * monitor's timezone (Sentry docs, Crons "Crontab Schedules": "Timezone").
 */
export function describeSchedule(config: Pick<MonitorConfig, 'schedule_type' | 'schedule' | 'timezone'>): string {
  if (Array.isArray(config.schedule)) return describeInterval(config.schedule[0], config.schedule[1]);
  return describeCrontab(String(config.schedule), config.timezone || 'UTC');
}

export function describeInterval(value: number, unit: IntervalUnit): string {
  return value === 1 ? `Every ${unit}` : `Every ${value} ${unit}s`;
}

const TIME = /\d\d:\d\d/g;

export function describeCrontab(crontab: string, timezone: string): string {
  let text: string;
  try {
    text = cronstrue.toString(crontab, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    // The server validates schedules; an old or foreign one is shown as written.
    return `${crontab} (${timezone})`;
  }
  const fields = crontab.trim().split(/\s+/);
  // "At 02:00" alone means every day: say so, as people read schedules.
  if (fields.length === 5 && fields.slice(2).every((f) => f === '*') && text.startsWith('At ')) text = `Every day at ${text.slice(3)}`;
  const times = [...text.matchAll(TIME)];
  const last = times.at(-1);
  if (last?.index === undefined) return text;
  const end = last.index + last[0].length;
  return `${text.slice(0, end)} ${timezone}${text.slice(end)}`;
}
