// The outbox against a real receiver that fails: retries with backoff on the manual clock,
// the delivery id stays the same across attempts, and failures show on the rule history.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, type HttpReceiver, startHttpReceiver, testDialects } from '../../testing/index.js';
import { type AlertHarness, startAlertHarness } from '../alert-harness.test-support.js';
import { verifyWebhookSignature } from '../channels/webhook/webhook-signature.js';
import { ACTION, CONDITION } from '../rules/issue-rule.js';

explainSkippedPostgres();

type History = {
  deliveries: { id: string; status: string; attempts: number; lastError: string | null; nextAttempt: string | null; dateSent: string | null }[];
}[];
const second = 1000;
const secret = 'outbox-test-secret-0123456789';

for (const dialect of testDialects()) {
  describe(`alert outbox delivery (${dialect})`, () => {
    let h: AlertHarness;
    let hook: HttpReceiver;
    let rule: string;
    before(async () => {
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect, {
        FAULTLINE_ALERT_DELIVERY_BACKOFF_MS: '30000',
        FAULTLINE_ALERT_DELIVERY_BACKOFF_MAX_MS: '120000',
        FAULTLINE_ALERT_DELIVERY_MAX_ATTEMPTS: '4',
      });
      const { org, project } = h.server.workspace;
      const channel = await h.api<{ id: string }>(`/api/0/organizations/${org}/notification-channels/`, {
        method: 'POST',
        body: { name: 'flaky receiver', type: 'webhook', config: { url: hook.url, secret } },
      });
      const created = await h.api<{ id: string }>(`/api/0/projects/${org}/${project}/rules/`, {
        method: 'POST',
        body: { name: 'New issues', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: channel.body.id }] },
      });
      assert.equal(created.status, 201);
      rule = `/api/0/projects/${org}/${project}/rules/${created.body.id}/`;
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    const latest = async () => (await h.api<History>(`${rule}history/`)).body[0]?.deliveries[0];

    it('retries a failing receiver with exponential backoff and delivers once it recovers', async () => {
      hook.requests.length = 0;
      hook.status = 503;
      await h.send({ message: 'Receiver comes back' });
      await h.process();
      assert.equal(hook.requests.length, 1);
      let d = await latest();
      assert.equal(d?.status, 'pending');
      assert.equal(d?.attempts, 1);
      assert.equal(d?.lastError, 'attempt 1: HTTP 503: unavailable');
      assert.equal(d?.nextAttempt, new Date(h.clock.now() + 30 * second).toISOString());

      assert.equal(await h.server.app.alerting.deliveries.drain(), 0, 'not due before the backoff has passed');
      h.clock.advance(30 * second);
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 2);
      d = await latest();
      assert.equal(d?.nextAttempt, new Date(h.clock.now() + 60 * second).toISOString(), 'the wait doubles');

      hook.status = 200;
      h.clock.advance(59 * second);
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 2);
      h.clock.advance(1 * second);
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 3);
      d = await latest();
      assert.equal(d?.status, 'sent');
      assert.equal(d?.attempts, 3);
      assert.equal(d?.lastError, null);
      // Every attempt is one delivery to the receiver: same id, each correctly signed.
      assert.deepEqual(new Set(hook.requests.map((r) => r.headers['x-faultline-delivery'])), new Set([d?.id]));
      for (const r of hook.requests) assert.ok(verifyWebhookSignature(secret, r.body, r.headers['x-faultline-signature'] as string));
      h.clock.advance(3600 * second);
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 3, 'a sent row is never sent again');
    });

    it('gives up after the maximum attempts and shows the error on the rule history', async () => {
      hook.requests.length = 0;
      hook.status = 500;
      await h.send({ message: 'Receiver stays down' });
      await h.process();
      for (const wait of [30, 60, 120]) {
        h.clock.advance(wait * second);
        await h.server.app.alerting.deliveries.drain();
      }
      assert.equal(hook.requests.length, 4);
      const d = await latest();
      assert.equal(d?.status, 'failed');
      assert.equal(d?.attempts, 4);
      assert.equal(d?.lastError, 'attempt 4: HTTP 500: unavailable');
      assert.equal(d?.nextAttempt, null);
      h.clock.advance(3600 * second);
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 4);
    });

    it('a receiver that rejects the request (4xx) is not retried', async () => {
      hook.requests.length = 0;
      hook.status = 410;
      await h.send({ message: 'Receiver is gone' });
      await h.process();
      h.clock.advance(3600 * second);
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 1);
      const d = await latest();
      assert.equal(d?.status, 'failed');
      assert.equal(d?.lastError, 'attempt 1: HTTP 410: unavailable');
      hook.status = 200;
    });
  });
}
