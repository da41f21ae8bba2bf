// On every database: Faultline processes sharing one database run the missed-run sweep on the
// one leased scheduler. Across a rolling restart (one of two processes replaced) and a full
// restart during which a run's deadline passed, every expected run without a check-in is
// marked missed exactly once, and no run that checked in is.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { type AppInstance, startInstance } from '../../alert/app-instances.test-support.js';
import { createManualClock } from '../../kernel/index.js';
import { explainSkippedPostgres, openTestDatabase, type TestDatabase, testDialects } from '../../testing/index.js';
import { MONITOR_SWEEP } from './monitor-sweep.js';

explainSkippedPostgres();

const minute = 60_000;
const at = (hh: number, mm: number) => Date.UTC(2026, 10, 21, hh, mm);
const iso = (ms: number) => new Date(ms).toISOString();

for (const dialect of testDialects()) {
  describe(`missed runs across restarts of processes sharing the scheduler (${dialect})`, () => {
    const clock = createManualClock(at(15, 0));
    let database: TestDatabase;
    let live: AppInstance[] = [];
    let target = { projectId: 0, key: '' };
    const sweeps: number[] = [];
    after(async () => {
      for (const i of live) await i.close();
      await database?.cleanup();
    });

    /** The job ran: it checks in through one process, which processes its queue. */
    async function ran(via: AppInstance): Promise<void> {
      const payload = {
        check_in_id: randomBytes(16).toString('hex'),
        monitor_slug: 'ten-minutely',
        status: 'ok',
        duration: 4,
        monitor_config: { schedule: { type: 'crontab', value: '*/10 * * * *' }, checkin_margin: 1, failure_issue_threshold: 100 },
      };
      const body = `{}\n{"type":"check_in"}\n${JSON.stringify(payload)}`;
      const res = await fetch(`${via.url}/api/${target.projectId}/envelope/?sentry_key=${target.key}`, { method: 'POST', body });
      assert.equal(res.status, 200);
      await via.app.jobs.queue.flush();
      await via.app.jobs.worker.drain();
    }

    /** Every live process ticks (SQLite: one after the other, see jobs/scheduler-two-apps.test.ts). */
    async function tickAll(): Promise<void> {
      const ran =
        dialect === 'sqlite'
          ? await (async () => {
              const out: string[][] = [];
              for (const i of live) out.push(await i.app.jobs.scheduler.tick());
              return out;
            })()
          : await Promise.all(live.map((i) => i.app.jobs.scheduler.tick()));
      const n = ran.flat().filter((t) => t === MONITOR_SWEEP.task).length;
      assert.ok(n <= 1, `the sweep ran ${n} times at ${iso(clock.now())}`);
      if (n === 1) sweeps.push(clock.now());
    }

    /** Minute by minute until `until`, every live process ticking; `runs` are the minutes the job ran. */
    async function minutes(until: number, runs: Map<number, () => AppInstance>): Promise<void> {
      while (clock.now() < until) {
        clock.advance(minute);
        const via = runs.get(clock.now());
        if (via !== undefined) await ran(via());
        await tickAll();
      }
    }

    it('marks each run without a check-in missed once, and none that checked in', async () => {
      database = await openTestDatabase(dialect, clock);
      live = [await startInstance(database, clock), await startInstance(database, clock)];
      const [a] = live as [AppInstance, AppInstance];
      const owner = await a.store.users.create({ email: 'owner@crons.test', name: 'Owner', passwordHash: null });
      const { org } = await a.app.provisioning.ensureOrganization('crons', 'Crons', owner);
      const { project, key } = await a.app.provisioning.ensureProject(org, { slug: 'jobs', platform: 'node' });
      target = { projectId: project.id, key: key.publicKey };
      const first = () => live[0] as AppInstance;
      const second = () => live[1] as AppInstance;

      // 15:00 the job runs; 15:10 it runs; 15:20 it does not.
      await ran(first());
      await minutes(at(15, 25), new Map([[at(15, 10), second]]));
      // Rolling restart: the first process is replaced; the other keeps ticking.
      const old = live.shift() as AppInstance;
      await old.close();
      live.push(await startInstance(database, clock));
      // 15:30 the job runs through the new process; 15:40 it does not.
      await minutes(at(15, 40), new Map([[at(15, 30), second]]));
      // Full restart: both stop right after 15:40's tick, so nobody sweeps when 15:40's
      // deadline (15:41) passes; they are back at 15:45 and catch up.
      for (const i of live.splice(0)) await i.close();
      clock.set(at(15, 44));
      live = [await startInstance(database, clock), await startInstance(database, clock)];
      // 15:50 the job runs; 16:00 it does not.
      await minutes(at(16, 5), new Map([[at(15, 50), first]]));

      const monitor = await first().store.monitors.get(org.id, 'ten-minutely');
      assert.ok(monitor);
      const checkIns = await first().store.monitorCheckIns.list({ monitorId: monitor.id, limit: 50 });
      assert.deepEqual(checkIns.map((c) => `${iso(c.dateCreated)} ${c.status}`).reverse(), [
        `${iso(at(15, 0))} ok`,
        `${iso(at(15, 10))} ok`,
        `${iso(at(15, 20))} missed`,
        `${iso(at(15, 30))} ok`,
        `${iso(at(15, 40))} missed`,
        `${iso(at(15, 50))} ok`,
        `${iso(at(16, 0))} missed`,
      ]);
      assert.ok(sweeps.includes(at(15, 45)), `the first tick after the restart swept: ${sweeps.map(iso).join()}`);
      const [env] = await first().store.monitors.environments([monitor.id]);
      assert.equal(env?.nextCheckIn, at(16, 10), 'the schedule goes on');
    });
  });
}
