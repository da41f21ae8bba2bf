import type { ReleaseHealthData } from '../../../api/index.js';

/**
 * How release-health rates read and are judged in the UI (docs/release-health.md › In the web UI). Rates are
 * percentages as release `healthData` gives them (Sentry API docs, "List an Organization's
 * Releases", `health=1`). The project's thresholds colour them: at or above `healthy` is good,
 * at or above `warning` is a warning, below is bad.
 */
export interface HealthThresholds {
  readonly healthy: number;
  readonly warning: number;
}

/** The server's defaults, used until the project's own arrive (or when it has none). */
export const DEFAULT_THRESHOLDS: HealthThresholds = { healthy: 99, warning: 97 };

export type HealthLevel = 'good' | 'warning' | 'bad' | 'none';

export function healthLevel(percent: number | null | undefined, t: HealthThresholds): HealthLevel {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return 'none';
  if (percent >= t.healthy) return 'good';
  return percent >= t.warning ? 'warning' : 'bad';
}

/** `96.1%`, `100%`; a rate just under 100 is `>99.9%` so it never reads as perfect; a dash for none. */
export function formatHealthPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  if (percent > 99.95 && percent < 100) return '>99.9%';
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${Number(percent.toFixed(1))}%`;
}

/** The four rates shown wherever crash-free appears; unhandled-free is null from a server that does not send it. */
export interface HealthRates {
  readonly crashFreeUsers: number | null;
  readonly crashFreeSessions: number | null;
  readonly unhandledFreeUsers: number | null;
  readonly unhandledFreeSessions: number | null;
}

export function ratesOf(h: ReleaseHealthData | null | undefined): HealthRates {
  return {
    crashFreeUsers: h?.crashFreeUsers ?? null,
    crashFreeSessions: h?.crashFreeSessions ?? null,
    unhandledFreeUsers: h?.unhandledFreeUsers ?? null,
    unhandledFreeSessions: h?.unhandledFreeSessions ?? null,
  };
}

export const RATE_LABELS: Readonly<Record<keyof HealthRates, string>> = {
  crashFreeUsers: 'Crash-free users',
  crashFreeSessions: 'Crash-free sessions',
  unhandledFreeUsers: 'Unhandled-free users',
  unhandledFreeSessions: 'Unhandled-free sessions',
};

/** What a colour means, for the tooltip and screen readers. */
export function levelNote(level: HealthLevel, t: HealthThresholds): string {
  if (level === 'good') return `at or above the ${t.healthy}% target`;
  if (level === 'warning') return `below the ${t.healthy}% target`;
  if (level === 'bad') return `below the ${t.warning}% warning threshold`;
  return 'no sessions';
}

/**
 * A rate against the previous release's, in percentage points: "−2.8 points against 2.4.0".
 * `previous` undefined: there is no previous release; null: it has no sessions to compare with.
 */
export function comparePoints(current: number | null, previous: number | null | undefined, previousLabel: string): string | null {
  if (current === null || previous === undefined) return null;
  if (previous === null) return `${previousLabel} has no sessions to compare with`;
  const points = Number((current - previous).toFixed(1));
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'} against ${previousLabel}`;
}
