/**
 * The crash-free targets of a project's release health: the web UI colours a release's
 * crash-free and unhandled-free rates against them (docs/release-health.md › In the web UI). A rate at or
 * above `healthy` is good, at or above `warning` is a warning, below it is bad. Stored in
 * `projects.settings.healthThresholds`; a project without them gets the defaults.
 */
export interface HealthThresholds {
  /** percent (0..100): at or above is healthy */
  readonly healthy: number;
  /** percent (0..100), not above `healthy`: below is bad */
  readonly warning: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = Object.freeze({ healthy: 99, warning: 97 });

export type ParsedHealthThresholds = { readonly ok: true; readonly thresholds: HealthThresholds } | { readonly ok: false; readonly reason: string };

const isPercent = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** Reads a stored or submitted value; `undefined`/`null` means the defaults. */
export function parseHealthThresholds(value: unknown): ParsedHealthThresholds {
  if (value === undefined || value === null) return { ok: true, thresholds: DEFAULT_HEALTH_THRESHOLDS };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'healthThresholds must be an object {healthy, warning}' };
  const o = value as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => k !== 'healthy' && k !== 'warning');
  if (extra.length > 0) return { ok: false, reason: `healthThresholds: unknown key(s) ${extra.join(', ')}` };
  const healthy = o.healthy ?? DEFAULT_HEALTH_THRESHOLDS.healthy;
  const warning = o.warning ?? DEFAULT_HEALTH_THRESHOLDS.warning;
  if (!isPercent(healthy) || !isPercent(warning)) return { ok: false, reason: 'healthThresholds: healthy and warning are percentages from 0 to 100' };
  if (warning > healthy) return { ok: false, reason: 'healthThresholds: warning must not be above healthy' };
  return { ok: true, thresholds: { healthy, warning } };
}
