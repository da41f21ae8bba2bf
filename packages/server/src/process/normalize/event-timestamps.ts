import { parseTimestamp } from '@faultline/protocol';
import type { Notes } from './processing-notes.js';

// Relay's defaults: events older than 30 days or more than a minute in the future get the
// receive time (docs/wire-format.md › Ids and timestamps); a client clock off by more than 55 minutes (judged by the
// envelope's `sent_at`) is corrected for every timestamp in the event (Relay's
// ClockDriftProcessor).
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const MAX_FUTURE_MS = 60 * 1000;
const MIN_CLOCK_DRIFT_MS = 55 * 60 * 1000;

/** The event's time plus the shift to apply to every other client timestamp in it. */
export interface EventClock {
  /** Event timestamp, ms since the epoch. */
  readonly timestampMs: number;
  /** Added to client timestamps (start_timestamp, breadcrumbs, spans) to correct them. */
  readonly shiftMs: number;
}

export function resolveEventClock(raw: unknown, sentAt: unknown, receivedAt: number, notes: Notes): EventClock {
  let shiftMs = 0;
  if (sentAt !== undefined && sentAt !== null) {
    const sent = parseTimestamp(sentAt);
    if (sent.ok && Math.abs(receivedAt - sent.ms) > MIN_CLOCK_DRIFT_MS) {
      shiftMs = receivedAt - sent.ms;
      notes.add('replaced', 'timestamp', `client clock off by ${Math.round(shiftMs / 1000)} s (sent_at); timestamps corrected`);
    }
  }
  if (raw === undefined || raw === null) return { timestampMs: receivedAt, shiftMs };
  const parsed = parseTimestamp(raw);
  if (!parsed.ok) {
    notes.invalid('timestamp', `${parsed.reason}; receive time used`);
    return { timestampMs: receivedAt, shiftMs };
  }
  const ts = parsed.ms + shiftMs;
  if (ts < receivedAt - MAX_AGE_MS || ts > receivedAt + MAX_FUTURE_MS) {
    const why = ts < receivedAt ? 'more than 30 days in the past' : 'in the future';
    notes.add('replaced', 'timestamp', `timestamp was ${why}; receive time used and other timestamps shifted`);
    return { timestampMs: receivedAt, shiftMs: shiftMs + (receivedAt - ts) };
  }
  return { timestampMs: ts, shiftMs };
}

/** A secondary client timestamp as float seconds, shifted like the event's; invalid → undefined. */
export function readClientTimestamp(value: unknown, clock: EventClock): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = parseTimestamp(value);
  if (!parsed.ok) return undefined;
  return toSeconds(parsed.ms + clock.shiftMs);
}

export function toSeconds(ms: number): number {
  return ms / 1000;
}
