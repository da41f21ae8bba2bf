// Time values of firstSeen/lastSeen/age → absolute half-open ms ranges, resolved against the
// `now` the caller passes (the injected clock), so the AST compiles to plain comparisons.
import type { ComparisonOp, RelativeUnit, TimeRange, TimeValue } from './issue-query.js';

export const UNIT_MS: Readonly<Record<RelativeUnit, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

const DAY_MS = UNIT_MS.d;
/** Sentry reads a datetime without an operator as "around then": ±5 minutes. */
export const DATETIME_WINDOW_MS = 5 * UNIT_MS.m;
/** Keeps `amount × unit` far inside the safe-integer range. */
export const MAX_RELATIVE_AMOUNT = 999_999;

const RELATIVE = /^([+-])(\d+)([smhdw])$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export type TimeParse = { readonly ok: true; readonly value: TimeValue } | { readonly ok: false; readonly message: string };

export function parseTimeValue(text: string, op: ComparisonOp | null, key: string): TimeParse {
  const rel = RELATIVE.exec(text);
  if (rel) {
    if (op !== null) {
      return { ok: false, message: `relative times take no operator: ${key}:-24h means within the last 24 hours, ${key}:+24h longer ago than that` };
    }
    const amount = Number(rel[2]);
    if (amount > MAX_RELATIVE_AMOUNT) return { ok: false, message: `relative time too large (at most ${MAX_RELATIVE_AMOUNT} units)` };
    return { ok: true, value: { type: 'relative', sign: rel[1] as '-' | '+', amount, unit: rel[3] as RelativeUnit } };
  }
  if (/^\d+[smhdw]$/.test(text)) {
    return { ok: false, message: `relative times need a sign: ${key}:-${text} (within the last ${text}) or ${key}:+${text} (longer ago)` };
  }
  const absolute = parseIsoInstant(text);
  if (absolute === null) {
    return {
      ok: false,
      message: `${key}: expects a relative time (-24h, +7d; units s, m, h, d, w) or a date (2026-01-01, 2026-01-01T12:00:00Z)`,
    };
  }
  return { ok: true, value: { type: 'absolute', op: op ?? '=', ms: absolute.ms, dateOnly: absolute.dateOnly } };
}

export function timeRange(value: TimeValue, now: number): TimeRange {
  if (value.type === 'relative') {
    const edge = now - value.amount * UNIT_MS[value.unit];
    return value.sign === '-' ? { from: edge, to: null } : { from: null, to: edge };
  }
  const { ms } = value;
  // Integer ms make `> x` the same as `>= x + 1`, so every range is half-open.
  switch (value.op) {
    case '=':
      return value.dateOnly ? { from: ms, to: ms + DAY_MS } : { from: ms - DATETIME_WINDOW_MS, to: ms + DATETIME_WINDOW_MS };
    case '>':
      return { from: ms + 1, to: null };
    case '>=':
      return { from: ms, to: null };
    case '<':
      return { from: null, to: ms };
    case '<=':
      return { from: null, to: ms + 1 };
  }
}

/** ISO 8601 date or datetime; no zone means UTC. Null when malformed or outside years 0–9999. */
export function parseIsoInstant(text: string): { ms: number; dateOnly: boolean } | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const ms = date.getTime() - offsetMinutes * 60_000;
  const utcYear = new Date(ms).getUTCFullYear();
  if (utcYear < 0 || utcYear > 9999) return null;
  return { ms, dateOnly: m[4] === undefined };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The canonical text of a time value, which parseTimeValue reads back to the same value. */
export function formatTimeValue(value: TimeValue): string {
  if (value.type === 'relative') return `${value.sign}${value.amount}${value.unit}`;
  const iso = new Date(value.ms).toISOString();
  return `${value.op === '=' ? '' : value.op}${value.dateOnly ? iso.slice(0, 10) : iso}`;
}
