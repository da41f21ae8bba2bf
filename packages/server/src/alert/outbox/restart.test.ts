// Restarts and crashes: a firing is delivered once across a restart, re-evaluating the same
// events does not fire again, and a row whose sender died mid-send is sent after its lease.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import {
  explainSkippedPostgres,
  type HttpReceiver,
  newEventId,
  openTestDatabase,
  startHttpReceiver,
  type TestDatabase,
  testDialects,
} from '../../testing/index.js';
import { type AppInstance, startInstance } from '../app-instances.test-support.js';
import type { IssueEventSummary } from '../evaluation/issue-conditions.js';
import { ACTION, CONDITION } from '../rules/issue-rule.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`alert delivery across restarts (${dialect})`, () => {
    const clock = createManualClock(Date.UTC(2026, 10, 21, 15, 0, 0));
    let database: TestDatabase;
    let hook: HttpReceiver;
    let first: AppInstance;
    let projectId: number;
    let key: string;
    const summaries: IssueEventSummary[] = [];
    before(async () => {
      hook = await startHttpReceiver();
      database = await openTestDatabase(dialect, clock);
      first = await startInstance(database, clock);
      const owner = await first.store.users.create({ email: 'owner@restart.test', name: 'Owner', passwordHash: null });
      const { org } = await first.app.provisioning.ensureOrganization('restart', 'Restart', owner);
      const { project, key: clientKey } = await first.app.provisioning.ensureProject(org, { slug: 'app', platform: 'node' });
      projectId = project.id;
      key = clientKey.publicKey;
      const channel = await first.app.alerting.channels.create(org.id, { name: 'hook', type: 'webhook', config: { url: hook.url } });
      await first.app.alerting.issueRules.create(
        project,
        { name: 'New issues', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: channel.channel.id }] },
        null,
      );
      first.app.postProcessHooks.push((results) => void summaries.push(...results));
    });
    after(async () => {
      await first.close().catch(() => {});
      await database.cleanup();
      await hook.close();
    });

    async function sendEvent(instance: AppInstance, message: string): Promise<void> {
      const eventId = newEventId();
      const body = `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify({ event_id: eventId, message, level: 'error', platform: 'node' })}`;
      const res = await fetch(`${instance.url}/api/${projectId}/envelope/?sentry_key=${key}`, { method: 'POST', body });
      assert.equal(res.status, 200);
      await instance.app.jobs.queue.flush();
      await instance.app.jobs.worker.drain();
    }

    it('a firing recorded before a restart is sent once, after it, and never again', async () => {
      await sendEvent(first, 'Fired before the restart');
      assert.deepEqual(await first.store.alerts.outbox.counts(), { pending: 1 }, 'recorded, not yet sent');
      await first.close();

      const second = await startInstance(database, clock);
      try {
        await second.app.alerting.deliveries.drain();
        assert.equal(hook.requests.length, 1);
        // The same batch evaluated again (a redelivered post-process call) is the same firing.
        await second.app.alerting.onProcessed(summaries);
        await second.app.alerting.deliveries.drain();
        assert.equal(hook.requests.length, 1);
      } finally {
        await second.close();
      }

      const third = await startInstance(database, clock);
      try {
        clock.advance(24 * 3_600_000);
        await third.app.alerting.deliveries.drain();
        assert.equal(hook.requests.length, 1, 'a third start sends nothing');
        assert.deepEqual(await third.store.alerts.outbox.counts(), { sent: 1 });
      } finally {
        await third.close();
      }
    });

    it('a row whose sender died mid-send is sent again once its lease has expired', async () => {
      const instance = await startInstance(database, clock);
      try {
        const before = hook.requests.length;
        await sendEvent(instance, 'Sender crashes mid-send');
        const [id] = await instance.store.alerts.outbox.dueIds(clock.now(), 10);
        assert.ok(id !== undefined);
        // What a process that dies right after claiming leaves behind: a `sending` row with a live lease.
        assert.ok(await instance.store.alerts.outbox.claim(id, 'process-that-died', clock.now(), clock.now() + 60_000));
        await instance.app.alerting.deliveries.drain();
        assert.equal(hook.requests.length, before, 'leased by the dead process: not sent yet');
        clock.advance(60_001);
        await instance.app.alerting.deliveries.drain();
        assert.equal(hook.requests.length, before + 1, 'lease expired: sent once');
        await instance.app.alerting.deliveries.drain();
        assert.equal(hook.requests.length, before + 1);
        assert.equal((await instance.store.alerts.outbox.counts()).sent, 2);
      } finally {
        await instance.close();
      }
    });
  });
}
