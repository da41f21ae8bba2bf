import type { EnvelopeKind } from '../corpus/index.js';

/**
 * How the bench learns how many events the server has *processed* (not just accepted).
 * Pluggable because the signal will change: today it counts rows of the `events` table;
 * a stats endpoint can replace it without touching the stages.
 */
export type ProbeReading = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly reason: string };

export interface ProcessedProbe {
  /** Shown in the report next to the figures it produced. */
  readonly name: string;
  /** Which accepted envelopes the count should reach once processing has caught up. */
  readonly counts: readonly EnvelopeKind[];
  read(): Promise<ProbeReading>;
  close(): Promise<void>;
}

/** For targets that process nothing (the baseline). */
export const noProcessing: ProcessedProbe = {
  name: 'none',
  counts: [],
  read: async () => ({ ok: false, reason: 'this target does not process events' }),
  close: async () => {},
};
