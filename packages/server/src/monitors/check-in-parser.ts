import { isJsonObject } from '@faultline/protocol';
import { type MonitorConfig, parseMonitorConfig } from './monitor-config.js';
import { slugifyMonitorSlug } from './monitor-slug.js';

/**
 * A `check_in` item (Sentry developer docs, "Check-Ins":
 * https://develop.sentry.dev/sdk/telemetry/check-ins/) as the stage applies it. Problems give
 * the item's outcome reason (invalid), never an exception.
 */
export interface ParsedCheckIn {
  /** 32 hex; the nil UUID means "the latest in_progress one" */
  readonly checkInId: string;
  readonly slug: string;
  readonly status: 'in_progress' | 'ok' | 'error';
  /** ms (the item says seconds); null when absent */
  readonly durationMs: number | null;
  /** 'production' when absent, as Sentry files it */
  readonly environment: string;
  readonly release: string | null;
  readonly traceId: string | null;
  /** the upsert config, when sent */
  readonly config: MonitorConfig | null;
}

export type CheckInParse = { ok: true; checkIn: ParsedCheckIn } | { ok: false; reason: string };

export const NIL_CHECK_IN_ID = '00000000000000000000000000000000';
/** A day: a longer "duration" is a client bug, not a run. */
const MAX_DURATION_MS = 40_320 * 60_000;

export function parseCheckIn(value: unknown): CheckInParse {
  if (!isJsonObject(value)) return { ok: false, reason: 'payload_not_object' };
  const slug = slugifyMonitorSlug(value.monitor_slug);
  if (!slug.ok) return { ok: false, reason: slug.reason };
  const rawId = typeof value.check_in_id === 'string' ? value.check_in_id.replace(/-/g, '').toLowerCase() : '';
  if (!/^[0-9a-f]{32}$/.test(rawId)) return { ok: false, reason: 'check_in_id_invalid' };
  const status = value.status;
  if (status !== 'in_progress' && status !== 'ok' && status !== 'error') return { ok: false, reason: 'check_in_status_invalid' };
  let durationMs: number | null = null;
  if (value.duration !== undefined && value.duration !== null) {
    if (typeof value.duration !== 'number' || !Number.isFinite(value.duration) || value.duration < 0) return { ok: false, reason: 'check_in_duration_invalid' };
    durationMs = Math.min(MAX_DURATION_MS, value.duration * 1000);
  }
  const env = typeof value.environment === 'string' && value.environment.trim() !== '' ? value.environment.trim().slice(0, 64) : 'production';
  const release = typeof value.release === 'string' && value.release !== '' ? value.release.slice(0, 250) : null;
  const trace = isJsonObject(value.contexts) && isJsonObject(value.contexts.trace) ? value.contexts.trace.trace_id : undefined;
  const traceId = typeof trace === 'string' && /^[0-9a-f]{32}$/i.test(trace.replace(/-/g, '')) ? trace.replace(/-/g, '').toLowerCase() : null;
  let config: MonitorConfig | null = null;
  if (value.monitor_config !== undefined && value.monitor_config !== null) {
    const parsed = parseMonitorConfig(value.monitor_config);
    if (!parsed.ok) return { ok: false, reason: `monitor_config_invalid:${parsed.field}` };
    config = parsed.config;
  }
  return { ok: true, checkIn: { checkInId: rawId, slug: slug.slug, status, durationMs, environment: env, release, traceId, config } };
}
