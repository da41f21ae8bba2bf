/** How performance numbers read in tables: durations, rates, shares and changes. */

/** `850 µs`, `42.1 ms`, `1.25 s`, `2.5 min`; an em dash for no value. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 100) return `${trim(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(2))} s`;
  return `${trim((ms / 60_000).toFixed(1))} min`;
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Per-minute rates are often far below one on quiet routes: keep two significant digits. */
export function formatRate(perMinute: number | null | undefined): string {
  if (perMinute === null || perMinute === undefined || !Number.isFinite(perMinute)) return '—';
  if (perMinute === 0) return '0/min';
  if (perMinute >= 100) return `${Math.round(perMinute)}/min`;
  return `${Number(perMinute.toPrecision(2))}/min`;
}

/** A 0..1 fraction as a percentage: `0%`, `0.5%`, `12%`, `100%`. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  if (pct === 0 || pct >= 10) return `${Math.round(pct)}%`;
  return `${Number(pct.toPrecision(2))}%`;
}

export interface Change {
  /** the relative change, e.g. 0.25 for 25% slower; null when there is nothing to compare with */
  readonly ratio: number | null;
  readonly text: string;
  readonly direction: 'up' | 'down' | 'same' | 'new';
}

/**
 * A duration now against the previous window of equal length. Up is slower (worse); under 1%
 * either way reads as unchanged; a route without data in the previous window is "new".
 */
export function durationChange(current: number | null | undefined, previous: number | null | undefined): Change {
  if (current === null || current === undefined || !Number.isFinite(current)) return { ratio: null, text: '—', direction: 'same' };
  if (previous === null || previous === undefined || !Number.isFinite(previous) || previous <= 0) return { ratio: null, text: 'new', direction: 'new' };
  const ratio = (current - previous) / previous;
  if (Math.abs(ratio) < 0.01) return { ratio, text: '±0%', direction: 'same' };
  return { ratio, text: `${ratio > 0 ? '+' : '−'}${formatPercent(Math.abs(ratio))}`, direction: ratio > 0 ? 'up' : 'down' };
}

/** A number cell of an events row, or null when the server sent none or something else. */
export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
