import type { ProcessedProbe } from '../probes/index.js';

export interface DrainOutcome {
  readonly status: 'drained' | 'stalled' | 'timeout' | 'n/a';
  readonly reason: string | null;
  readonly processed: number | null;
  readonly waitedMs: number;
  /** performance.now() when the count last rose (or when the wait began if it never did). */
  readonly lastRiseAt: number;
}

/**
 * Polls the probe until `expected` events are processed, the count stops rising for
 * `stallMs` (no pipeline yet, or it is stuck), or `maxMs` passes.
 */
export async function waitForProcessing(probe: ProcessedProbe, expected: number, maxMs: number, stallMs: number, pollMs = 250): Promise<DrainOutcome> {
  const start = performance.now();
  let lastRiseAt = start;
  let last = -1;
  for (;;) {
    const reading = await probe.read();
    const now = performance.now();
    const waitedMs = Math.round(now - start);
    if (!reading.ok) return { status: 'n/a', reason: reading.reason, processed: null, waitedMs, lastRiseAt };
    if (reading.count > last) {
      if (last !== -1) lastRiseAt = now;
      last = reading.count;
    }
    if (reading.count >= expected) return { status: 'drained', reason: null, processed: reading.count, waitedMs, lastRiseAt };
    if (now - lastRiseAt >= stallMs) {
      return {
        status: 'stalled',
        reason: `processing stopped rising at ${reading.count} of ${expected} events for ${Math.round(stallMs / 1000)} s`,
        processed: reading.count,
        waitedMs,
        lastRiseAt,
      };
    }
    if (now - start >= maxMs) {
      return {
        status: 'timeout',
        reason: `${reading.count} of ${expected} events processed after waiting ${Math.round(maxMs / 1000)} s`,
        processed: reading.count,
        waitedMs,
        lastRiseAt,
      };
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
