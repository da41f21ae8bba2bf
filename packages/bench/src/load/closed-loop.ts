import type { Dispatcher } from './dispatcher.js';
import type { PhaseStats } from './phase-stats.js';

/**
 * `concurrency` virtual clients, each sending its next envelope as soon as the previous one
 * is answered: the server is always busy, so answers per second is its ceiling. Resolves
 * when the last in-flight request has settled.
 */
export function runClosedLoop(dispatcher: Dispatcher, stats: PhaseStats, concurrency: number, warmupMs: number, durationMs: number): Promise<void> {
  const start = performance.now();
  stats.windowStart = start + warmupMs;
  stats.windowEnd = stats.windowStart + durationMs;
  return new Promise((resolve) => {
    let running = concurrency;
    const client = () => {
      if (performance.now() >= stats.windowEnd) {
        if (--running === 0) resolve();
        return;
      }
      dispatcher.dispatch(performance.now(), client);
    };
    for (let i = 0; i < concurrency; i++) client();
  });
}
