// Two Faultline processes on one database (PostgreSQL schema or SQLite file) both run the
// one scheduler: every task (metric evaluation, the sweeps) runs once per period, and a
// metric rule's transition is notified once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppInstance, startInstance } from '../alert/app-instances.test-support.js';
import { ACTION, METRIC_TASK } from '../alert/index.js';
import { createManualClock } from '../kernel/index.js';
import { explainSkippedPostgres, type HttpReceiver, openTestDatabase, startHttpReceiver, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`two server processes, one schedule (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 10, 21, 15, 0, 0));
    let database: TestDatabase;
    let hook: HttpReceiver;
    let a: AppInstance;
    let b: AppInstance;
    before(async () => {
      hook = await startHttpReceiver();
      database = await openTestDatabase(dialect, clock);
      a = await startInstance(database, clock);
      b = await startInstance(database, clock);
    });
    after(async () => {
      await a.close();
      await b.close();
      await database.cleanup();
      await hook.close();
    });

    /**
     * Both processes tick at once. Two SQLite connections in one Node process cannot overlap
     * a transaction with another write: the second's busy wait is synchronous and blocks the
     * event loop the first needs to commit. Separate processes have no such problem, so on
     * SQLite the ticks run one after the other (the lease still decides which one runs a task).
     */
    const tickBoth = async (): Promise<[string[], string[]]> =>
      dialect === 'sqlite'
        ? [await a.app.jobs.scheduler.tick(), await b.app.jobs.scheduler.tick()]
        : await Promise.all([a.app.jobs.scheduler.tick(), b.app.jobs.scheduler.tick()]);

    it('evaluates the metric rules once per interval and notifies once', async () => {
      const owner = await a.store.users.create({ email: 'owner@two.test', name: 'Owner', passwordHash: null });
      const { org } = await a.app.provisioning.ensureOrganization('two', 'Two', owner);
      const { project, key } = await a.app.provisioning.ensureProject(org, { slug: 'svc', platform: 'node' });
      const channel = await a.app.alerting.channels.create(org.id, { name: 'hook', type: 'webhook', config: { url: hook.url } });
      await a.app.alerting.metricRules.create(
        org.id,
        {
          name: 'Any error',
          project: 'svc',
          metric: 'error_count',
          timeWindow: 5,
          criticalThreshold: 0,
          actions: [{ id: ACTION.channel, channel: String(channel.channel.id) }],
        },
        null,
      );
      for (const message of ['one', 'two']) {
        const body = `{}\n{"type":"event"}\n${JSON.stringify({ message, level: 'error', platform: 'node' })}`;
        const res = await fetch(`${b.url}/api/${project.id}/envelope/?sentry_key=${key.publicKey}`, { method: 'POST', body });
        assert.equal(res.status, 200);
      }
      await b.app.jobs.queue.flush();
      await b.app.jobs.worker.drain();

      clock.advance(60_000);
      const [ranA, ranB] = await tickBoth();
      // Every scheduled task (metric evaluation and the sweeps) ran in exactly one of the two processes.
      const ran = [...ranA, ...ranB];
      assert.deepEqual(
        ran.filter((t) => t === METRIC_TASK),
        [METRIC_TASK],
        'one of the two processes ran the evaluation',
      );
      assert.equal(new Set(ran).size, ran.length, 'no task ran twice');
      await Promise.all([a.app.alerting.deliveries.drain(), b.app.alerting.deliveries.drain()]);
      assert.equal(hook.requests.length, 1);
      const [incident] = await a.store.alerts.metricRules.incidents((await a.store.alerts.metricRules.list(org.id)).map((r) => r.id));
      assert.equal(incident?.status, 'open');
      assert.equal(incident?.severity, 'critical');

      // Both tick again within the interval: nothing runs; a period later one of them does.
      assert.deepEqual([...(await a.app.jobs.scheduler.tick()), ...(await b.app.jobs.scheduler.tick())], []);
      clock.advance(60_000);
      const again = await tickBoth();
      assert.equal(again.flat().filter((t) => t === METRIC_TASK).length, 1);
      await Promise.all([a.app.alerting.deliveries.drain(), b.app.alerting.deliveries.drain()]);
      assert.equal(hook.requests.length, 1, 'still critical: no new notification');
    });
  });
}
