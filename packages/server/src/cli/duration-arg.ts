/**
 * A duration flag such as `--wait 10m`: a whole number and one unit (`s`, `m`,
 * `h`), nothing else. Strict on purpose: `10` or `10min` in a CI file is a
 * mistake to report, not a guess to make.
 */
export type DurationArg = { ok: true; ms: number } | { ok: false; reason: string };

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };

/** Longest accepted wait: a gate that sleeps longer than a day is a typo. */
export const MAX_DURATION_MS = 24 * 3_600_000;

export function parseDurationArg(text: string): DurationArg {
  const unit = text.slice(-1);
  const digits = text.slice(0, -1);
  const unitMs = UNIT_MS[unit];
  if (unitMs === undefined || digits.length === 0 || digits.length > 6 || ![...digits].every((c) => c >= '0' && c <= '9'))
    return { ok: false, reason: `invalid duration "${text}": use a whole number and s, m or h (90s, 10m, 1h)` };
  const ms = Number(digits) * unitMs;
  if (ms > MAX_DURATION_MS) return { ok: false, reason: `duration "${text}" is longer than 24h` };
  return { ok: true, ms };
}
