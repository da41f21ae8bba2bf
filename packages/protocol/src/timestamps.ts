import { typeOfJson } from './ids.js';
import { type Failure, fail } from './result.js';

/** Milliseconds since the Unix epoch (UTC), fractional when the source had sub-ms precision. */
export type TimestampResult = { readonly ok: true; readonly ms: number } | Failure;

/** Largest instant a JS `Date` can hold (ECMA-262 §21.4.1.1), so results stay `Date`-safe. */
const MAX_MS = 8.64e15;

// RFC 3339 date-time, as SDKs write it (docs/wire-format.md › Ids and timestamps): `T`/`t`/space separator,
// any number of fraction digits, and `Z`, `±HH:MM`, `±HHMM` or no zone (naive = UTC, as
// Python's `datetime.utcnow().isoformat()` produces and Relay accepts).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Parses an event/session/breadcrumb timestamp: a number of seconds since the epoch
 * (float or integer, JS SDKs: `1795275023.39`) or an RFC 3339 string (Python, sessions:
 * `2026-11-21T15:32:51.606552Z`). Returns ms since epoch. Negative or out-of-range values
 * and malformed strings are rejected with a reason; deciding what to do about clock skew
 * (too old / in the future: docs/wire-format.md › Ids and timestamps) is the caller's job.
 */
export function parseTimestamp(value: unknown): TimestampResult {
  if (typeof value === 'number') return fromSeconds(value);
  if (typeof value === 'string') return fromRfc3339(value);
  return fail(`timestamp must be a number or an RFC 3339 string, got ${typeOfJson(value)}`);
}

function fromSeconds(seconds: number): TimestampResult {
  if (!Number.isFinite(seconds)) return fail('timestamp must be a finite number');
  if (seconds < 0) return fail('timestamp must not be before 1970');
  const ms = seconds * 1000;
  if (ms > MAX_MS) return fail('timestamp out of range');
  return { ok: true, ms };
}

function fromRfc3339(text: string): TimestampResult {
  const m = RFC3339.exec(text);
  if (m === null) return fail('timestamp is not an RFC 3339 date-time');
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  // RFC 3339 allows second 60 (leap second); fold it into the next minute like Date does.
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('timestamp has an invalid date');
  if (hour > 23 || minute > 59 || second > 60) return fail('timestamp has an invalid time of day');
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return fail('timestamp has an invalid UTC offset');
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  // Checked before Date.UTC, which would map years 0–99 to 1900–1999.
  if (year < 1969) return fail('timestamp must not be before 1970');
  const fractionMs = frac === undefined ? 0 : Number(`0.${frac}`) * 1000;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + fractionMs - offsetMinutes * 60_000;
  if (ms < 0) return fail('timestamp must not be before 1970');
  return { ok: true, ms };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
