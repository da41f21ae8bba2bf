import { type Clock, type Logger, randomHex } from '../../kernel/index.js';
import type { Store } from '../../store/index.js';
import { createLoop, type Loop } from '../outbox/loop.js';

export interface ScheduledTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface Scheduler extends Loop {
  add(task: ScheduledTask): void;
  /** Runs every registered task that is due and whose lease this process wins; returns their names. */
  tick(): Promise<string[]>;
}

/**
 * Periodic work that runs once per period no matter how many server processes run it:
 * each due task is claimed through the `scheduled_tasks` lease (store/scheduled-tasks.ts),
 * so of several processes ticking at once exactly one runs it. The schedule lives in the
 * database, so a restart neither runs a task early nor skips it.
 */
export function createScheduler(deps: { store: Store; clock: Clock; logger: Logger; pollMs: number; leaseMs: number }): Scheduler {
  const { store, clock, logger } = deps;
  const owner = `scheduler-${randomHex(8)}`;
  const tasks: ScheduledTask[] = [];
  const ensured = new Set<string>();

  async function tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const task of tasks) {
      if (!ensured.has(task.name)) {
        await store.alerts.scheduledTasks.ensure(task.name, clock.now());
        ensured.add(task.name);
      }
      const startedAt = clock.now();
      if (!(await store.alerts.scheduledTasks.claim(task.name, owner, startedAt, startedAt + deps.leaseMs))) continue;
      let error: string | null = null;
      try {
        await task.run();
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
        logger.error({ err, task: task.name }, 'scheduled task failed');
      }
      // The next run is a period after this one started, so runs stay on a steady cadence.
      await store.alerts.scheduledTasks.finish(task.name, owner, { nextRunAt: startedAt + task.everyMs, finishedAt: clock.now(), error });
      ran.push(task.name);
    }
    return ran;
  }

  const loop = createLoop(
    'alert-scheduler',
    async () => {
      await tick();
      return 0;
    },
    deps.pollMs,
    logger,
  );
  return {
    ...loop,
    tick,
    add(task) {
      tasks.push(task);
    },
  };
}
