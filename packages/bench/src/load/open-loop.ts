import type { Dispatcher } from './dispatcher.js';
import type { PhaseStats } from './phase-stats.js';

/**
 * Sends on a fixed timetable (one envelope every 1000/rate ms) whatever the answers do, and
 * measures each latency from the *scheduled* time: a server that stalls is charged for
 * the requests that queued behind the stall (no coordinated omission). Past
 * `maxOutstanding` unanswered requests a send is skipped and counted, so a dead server
 * cannot make the generator run out of memory. Resolves once everything has settled.
 */
export function runOpenLoop(dispatcher: Dispatcher, stats: PhaseStats, ratePerSec: number, durationMs: number, maxOutstanding: number): Promise<void> {
  const interval = 1000 / ratePerSec;
  const total = Math.max(1, Math.round((ratePerSec * durationMs) / 1000));
  const start = performance.now() + 5;
  stats.windowStart = start;
  stats.windowEnd = start + durationMs;
  return new Promise((resolve) => {
    let next = 0;
    let pending = 0;
    const settled = () => {
      pending--;
      if (next === total && pending === 0) resolve();
    };
    // Timers fire at ~1 ms granularity; each tick sends everything that has come due, which
    // keeps the schedule exact on average without a busy loop stealing a core from the server.
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const scheduledAt = start + next * interval;
        next++;
        if (dispatcher.outstanding >= maxOutstanding) {
          stats.skipped++;
          continue;
        }
        pending++;
        dispatcher.dispatch(scheduledAt, settled);
      }
      if (next < total) setTimeout(tick, Math.max(0, Math.min(1, start + next * interval - performance.now())));
      else if (pending === 0) resolve();
    };
    setTimeout(tick, 5);
  });
}
