// Issue-rule firings survive a process that dies between a batch's commit and its alert
// evaluation, and are never doubled when the evaluation ran but was not recorded as done.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorker } from '../../jobs/index.js';
import { createSilentLogger } from '../../kernel/index.js';
import { createPipeline, PENDING_RECOVERY, type PostProcessBatch } from '../../process/index.js';
import { explainSkippedPostgres, type HttpReceiver, startHttpReceiver, testDialects } from '../../testing/index.js';
import { type AlertHarness, startAlertHarness } from '../alert-harness.test-support.js';
import { ACTION, CONDITION } from '../rules/issue-rule.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`issue alerts across a crash after the batch commit (${dialect})`, () => {
    let h: AlertHarness;
    let hook: HttpReceiver;
    before(async () => {
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect);
      const { org, project } = h.server.workspace;
      const channel = await h.api<{ id: string }>(`/api/0/organizations/${org}/notification-channels/`, {
        method: 'POST',
        body: { name: 'ops hook', type: 'webhook', config: { url: `${hook.url}/hook`, secret: 'a-secret-of-enough-length' } },
      });
      assert.equal(channel.status, 201);
      const rule = await h.api(`/api/0/projects/${org}/${project}/rules/`, {
        method: 'POST',
        body: { name: 'Every new issue', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: channel.body.id }] },
      });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    /** Processes the queue with the real pipeline and worker; what happens after each commit is up to `afterCommit`. */
    async function processWith(afterCommit: (batch: PostProcessBatch) => void): Promise<void> {
      const { store } = h.server;
      await h.server.app.jobs.queue.flush();
      const pipeline = createPipeline({
        store,
        clock: h.clock,
        logger: createSilentLogger(),
        settingsTtlMs: 0,
        postProcessHooks: [],
        forwardCommitted: afterCommit,
      });
      await createWorker({ store, clock: h.clock, logger: createSilentLogger(), processBatch: pipeline, batchSize: 10, pollMs: 10 }).drain();
    }

    /** One run of the leased schedule (the recovery sweep among its tasks), then delivery. */
    async function sweep(): Promise<void> {
      await h.server.app.jobs.scheduler.tick();
      await h.server.app.alerting.deliveries.drain();
    }

    const pending = () => h.server.store.postProcessPending.count();

    it('a batch committed by a process that died before evaluating it notifies exactly once, from the sweep', async () => {
      await h.send({ message: 'Payment provider timed out' });
      // The process "dies" right after the commit: nothing runs after it.
      await processWith(() => {});
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 0);
      assert.equal(await pending(), 1, 'the commit recorded the evaluation it owes');

      h.clock.advance(PENDING_RECOVERY.graceMs / 2);
      await sweep();
      assert.equal(hook.requests.length, 0, 'too recent: its own process may still be evaluating it');

      h.clock.advance(PENDING_RECOVERY.graceMs);
      await sweep();
      await hook.waitFor(1);
      assert.equal(hook.requests.length, 1);
      assert.match(hook.requests[0]?.body ?? '', /Payment provider timed out/);
      assert.equal(await pending(), 0);

      h.clock.advance(10 * 60_000);
      await sweep();
      assert.equal(hook.requests.length, 1, 'nothing left to recover');
    });

    it('a batch whose evaluation ran but was not marked done is not notified twice', async () => {
      const start = hook.requests.length;
      await h.send({ message: 'Inventory service returned 500' });
      const committed: PostProcessBatch[] = [];
      // The hook runs (and its notification goes out); the process dies before deleting the pending row.
      await processWith((batch) => void committed.push(batch));
      assert.equal(committed.length, 1);
      const batch = committed[0] as PostProcessBatch;
      await h.server.app.alerting.onProcessed(batch.summaries, batch.processedAt);
      await h.server.app.alerting.deliveries.drain();
      await hook.waitFor(start + 1);
      assert.equal(await pending(), 1);

      // The sweep comes long after (a restart after an outage): past the rule's action interval.
      h.clock.advance(2 * 3_600_000);
      await sweep();
      assert.equal(await pending(), 0, 'the sweep ran the batch again');
      assert.equal(hook.requests.length, start + 1, 'and the rerun decided exactly as the first run: no second notification');
    });

    it('the normal path evaluates right after the commit and leaves nothing pending', async () => {
      const start = hook.requests.length;
      await h.send({ message: 'Search index is stale' });
      await h.process();
      await hook.waitFor(start + 1);
      assert.equal(await pending(), 0);
    });
  });
}
