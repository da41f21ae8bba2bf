import { setTimeout as sleep } from 'node:timers/promises';
import { type Clock, type Logger, randomHex } from '../kernel/index.js';
import type { Store } from '../store/index.js';

export interface ScheduledTask {
  name: string;
  everyMs: number;
  /** how long a claim holds off other processes; default: the scheduler's. Longer than a run may take. */
  leaseMs?: number;
  /** `signal` aborts when the scheduler stops, so a long run can end at its next safe point */
  run(signal: AbortSignal): Promise<void>;
}

export interface Scheduler {
  /** Registers a task; a name may be registered once. */
  add(task: ScheduledTask): void;
  /** Runs every registered task that is due and whose lease this process wins, one after another; returns their names. */
  tick(): Promise<string[]>;
  /** Starts the background loop: every `pollMs` each due task is started, a slow one never holding up the others. */
  start(): void;
  /** Stops the loop, aborts the runs in progress and waits for them. */
  stop(): Promise<void>;
  /** Looks for due tasks now instead of after the poll wait. */
  notify(): void;
}

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  pollMs: number;
  leaseMs: number;
}

/**
 * The one home of periodic background work: each task runs once per period no matter how
 * many server processes run the scheduler. A due task is claimed through the
 * `scheduled_tasks` lease (store/scheduled-tasks.ts), so of several processes ticking at once
 * exactly one runs it, and a process that dies leaves a lease that expires. The schedule lives
 * in the database, so a restart neither runs a task early nor skips it.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, logger } = deps;
  const leases = deps.store.alerts.scheduledTasks;
  const owner = `scheduler-${randomHex(8)}`;
  const tasks = new Map<string, ScheduledTask>();
  const ensured = new Set<string>();
  /** runs of this process in progress, by task name: a task never overlaps itself here */
  const inFlight = new Map<string, Promise<boolean>>();
  let halt = new AbortController();
  let loop: Promise<void> | null = null;
  let wake: AbortController | null = null;
  let notified = false;

  /** Claims the task if it is due and runs it; false when it was not due or another process holds it. */
  async function runIfDue(task: ScheduledTask): Promise<boolean> {
    if (!ensured.has(task.name)) {
      await leases.ensure(task.name, clock.now());
      ensured.add(task.name);
    }
    const startedAt = clock.now();
    if (!(await leases.claim(task.name, owner, startedAt, startedAt + (task.leaseMs ?? deps.leaseMs)))) return false;
    let error: string | null = null;
    try {
      await task.run(halt.signal);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      logger.error({ err, task: task.name }, 'scheduled task failed');
    }
    // The next run is a period after this one started, so runs stay on a steady cadence.
    await leases.finish(task.name, owner, { nextRunAt: startedAt + task.everyMs, finishedAt: clock.now(), error });
    return true;
  }

  function launch(task: ScheduledTask): Promise<boolean> {
    const run = runIfDue(task)
      .catch((err: unknown) => {
        logger.error({ err, task: task.name }, 'scheduled task could not be claimed or recorded');
        return false;
      })
      .finally(() => inFlight.delete(task.name));
    inFlight.set(task.name, run);
    return run;
  }

  async function poll(): Promise<void> {
    while (!halt.signal.aborted) {
      for (const task of tasks.values()) if (!inFlight.has(task.name)) void launch(task);
      if (notified) {
        notified = false;
        continue;
      }
      wake = new AbortController();
      await sleep(deps.pollMs, undefined, { signal: wake.signal }).catch(() => {});
      wake = null;
    }
  }

  return {
    add(task) {
      if (tasks.has(task.name)) throw new Error(`scheduled task ${task.name} is already registered`);
      tasks.set(task.name, task);
    },
    async tick() {
      const ran: string[] = [];
      for (const task of tasks.values()) {
        if (inFlight.has(task.name)) continue;
        if (await launch(task)) ran.push(task.name);
      }
      return ran;
    },
    start() {
      if (loop) return;
      if (halt.signal.aborted) halt = new AbortController();
      loop = poll();
    },
    async stop() {
      halt.abort();
      wake?.abort();
      await loop;
      loop = null;
      await Promise.all(inFlight.values());
    },
    notify() {
      notified = true;
      wake?.abort();
    },
  };
}
