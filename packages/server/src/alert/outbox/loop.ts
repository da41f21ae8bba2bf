import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../kernel/index.js';

export interface Loop {
  start(): void;
  stop(): Promise<void>;
  /** work arrived: run now instead of after the idle wait */
  notify(): void;
}

/**
 * Runs `step` repeatedly: again at once while it reports work done, otherwise after
 * `idleMs` or a `notify()`. A failing step is logged and retried after the idle wait.
 */
export function createLoop(name: string, step: () => Promise<number>, idleMs: number, logger: Logger): Loop {
  let running: Promise<void> | null = null;
  let stopping = false;
  let wake: AbortController | null = null;
  let notified = false;

  async function run(): Promise<void> {
    while (!stopping) {
      let did = 0;
      try {
        did = await step();
      } catch (err) {
        logger.error({ err, loop: name }, 'background alert work failed');
      }
      if (stopping) break;
      if (did > 0 || notified) {
        notified = false;
        continue;
      }
      wake = new AbortController();
      await sleep(idleMs, undefined, { signal: wake.signal }).catch(() => {});
      wake = null;
    }
  }

  return {
    start() {
      if (running) return;
      stopping = false;
      running = run();
    },
    async stop() {
      stopping = true;
      wake?.abort();
      await running;
      running = null;
    },
    notify() {
      notified = true;
      wake?.abort();
    },
  };
}
