// The lease behind scheduled work, with two "processes" (two connections) on one database:
// each period's run happens once, a crashed holder's lease expires, and the schedule
// survives a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createManualClock, createSilentLogger } from '../kernel/index.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../testing/index.js';
import { createScheduler, type Scheduler } from './scheduler.js';

explainSkippedPostgres();

const minute = 60_000;

for (const dialect of testDialects()) {
  describe(`scheduled tasks (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    let database: TestDatabase;
    let other: Store;
    before(async () => {
      database = await openTestDatabase(dialect, clock);
      other = openStore({ databaseUrl: database.env.DATABASE_URL ?? null, dataDir: database.dataDir, clock });
    });
    after(async () => {
      await other.close();
      await database.cleanup();
    });

    function schedulerOn(store: Store, name: string, run: () => Promise<void>): Scheduler {
      const s = createScheduler({ store, clock, logger: createSilentLogger(), pollMs: 1000, leaseMs: 5 * minute });
      s.add({ name, everyMs: minute, run });
      return s;
    }

    it('two processes ticking at the same moments run each period once', async () => {
      let runs = 0;
      const run = async () => {
        runs++;
        // Long enough that the other process's tick overlaps this run.
        await sleep(20);
      };
      const a = schedulerOn(database.store, 'test.twice', run);
      const b = schedulerOn(other, 'test.twice', run);
      for (let period = 1; period <= 5; period++) {
        const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
        assert.equal(ranA.length + ranB.length, 1, `period ${period}: exactly one process ran it`);
        assert.equal(runs, period);
        const [againA, againB] = await Promise.all([a.tick(), b.tick()]);
        assert.equal(againA.length + againB.length, 0, 'not again within the period');
        clock.advance(minute);
      }
    });

    it('a lease left by a process that died expires, and the schedule survives a restart', async () => {
      let runs = 0;
      const name = 'test.crash';
      const a = schedulerOn(database.store, name, async () => void runs++);
      await a.tick();
      assert.equal(runs, 1);
      // A restarted process (a fresh scheduler) does not run it early: the next run time is stored.
      const restarted = schedulerOn(other, name, async () => void runs++);
      assert.deepEqual(await restarted.tick(), []);
      clock.advance(minute);
      // A process takes the lease and dies before finishing.
      assert.ok(await other.alerts.scheduledTasks.claim(name, 'died', clock.now(), clock.now() + 5 * minute));
      assert.deepEqual(await restarted.tick(), [], 'the dead holder’s lease is still live');
      clock.advance(5 * minute + 1);
      assert.deepEqual(await restarted.tick(), [name]);
      assert.equal(runs, 2);
      const task = await database.store.alerts.scheduledTasks.byName(name);
      assert.equal(task?.leaseOwner, null);
      assert.equal(task?.nextRunAt, clock.now() + minute);
    });

    it('a failing run is recorded and the task stays on schedule', async () => {
      const s = schedulerOn(database.store, 'test.fails', async () => {
        throw new Error('boom');
      });
      assert.deepEqual(await s.tick(), ['test.fails']);
      const task = await database.store.alerts.scheduledTasks.byName('test.fails');
      assert.equal(task?.lastError, 'boom');
      assert.equal(task?.nextRunAt, clock.now() + minute);
    });

    it('in the background loop a slow task does not hold up the others, and stop aborts it', async () => {
      const s = createScheduler({ store: database.store, clock, logger: createSilentLogger(), pollMs: 10, leaseMs: 5 * minute });
      let slowSignal: AbortSignal | null = null;
      let quickRuns = 0;
      s.add({
        name: 'test.slow',
        everyMs: minute,
        run: (signal) => {
          slowSignal = signal;
          // Runs until the scheduler stops, as a long retention run would.
          return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        },
      });
      s.add({ name: 'test.quick', everyMs: minute, run: async () => void quickRuns++ });
      s.start();
      try {
        let advanced = false;
        for (let waited = 0; quickRuns < 2 && waited < 5_000; waited += 10) {
          // One period of the injected clock later, the loop runs the quick task again while the slow one is
          // still running. The clock moves once only: advancing it on every wait let a slow poll (PostgreSQL
          // under CI load) see two periods due and run the quick task a third time.
          if (quickRuns === 1 && !advanced) {
            clock.advance(minute);
            advanced = true;
          }
          await sleep(10);
        }
        assert.equal(quickRuns, 2);
        assert.equal((slowSignal as AbortSignal | null)?.aborted, false, 'the slow task is still running');
      } finally {
        await s.stop();
      }
      assert.equal((slowSignal as AbortSignal | null)?.aborted, true);
      const slow = await database.store.alerts.scheduledTasks.byName('test.slow');
      assert.equal(slow?.leaseOwner, null, 'the aborted run was recorded as finished');
      assert.throws(() => s.add({ name: 'test.quick', everyMs: minute, run: async () => {} }), /already registered/);
    });
  });
}
