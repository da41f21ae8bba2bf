// The outbound policy end to end: a refused destination is a 400 when a channel is saved, and
// a delivery that fails for good (shown in the rule's history) when the policy changed since.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiFetch, assertDetail, explainSkippedPostgres, type HttpReceiver, startHttpReceiver, testDialects } from '../../testing/index.js';
import { type AlertHarness, startAlertHarness } from '../alert-harness.test-support.js';
import { type AppInstance, startInstance } from '../app-instances.test-support.js';
import { ACTION, CONDITION } from '../rules/issue-rule.js';

explainSkippedPostgres();

type HistoryJson = { deliveries: { status: string; attempts: number; lastError: string | null }[] }[];

for (const dialect of testDialects()) {
  describe(`outbound policy of alert channels (${dialect})`, () => {
    let h: AlertHarness;
    let strict: AppInstance;
    let hook: HttpReceiver;
    let channels: string;
    before(async () => {
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect);
      // A second process on the same database whose operator denied loopback destinations.
      strict = await startInstance(h.server.database, h.clock, { FAULTLINE_OUTBOUND_DENY: 'loopback' });
      channels = `/api/0/organizations/${h.server.workspace.org}/notification-channels/`;
    });
    after(async () => {
      await strict.close();
      await h.close();
      await hook.close();
    });

    it('refuses to save a channel that points at a metadata, link-local or reserved address (400 with the reason)', async () => {
      for (const [type, config] of [
        ['webhook', { url: 'http://169.254.169.254/latest/meta-data/' }],
        ['slack', { webhookUrl: 'http://[fe80::1]/services/x' }],
        ['discord', { webhookUrl: 'http://0.0.0.0:8080/api/webhooks/1/x' }],
        ['teams', { webhookUrl: 'http://[::ffff:169.254.169.254]/x' }],
      ] as const) {
        const res = await h.api(channels, { method: 'POST', body: { name: 'metadata', type, config } });
        assertDetail(res, 400, /outbound policy: .* never allowed/);
      }
    });

    it('loopback receivers are allowed by default and refused where FAULTLINE_OUTBOUND_DENY lists them', async () => {
      const body = { name: 'local', type: 'webhook', config: { url: `${hook.url}/hook` } };
      assert.equal((await h.api(channels, { method: 'POST', body })).status, 201);
      const refused = await apiFetch(strict.url, channels, { method: 'POST', as: { token: h.server.workspace.token }, body });
      assertDetail(refused, 400, /127\.0\.0\.1 is denied by FAULTLINE_OUTBOUND_DENY/);
    });

    it('checks again when sending, after DNS: a refused delivery fails at once, is shown in the history and not retried', async () => {
      const { org, project } = h.server.workspace;
      const port = new URL(hook.url).port;
      const channel = await h.api<{ id: string }>(channels, {
        method: 'POST',
        body: { name: 'by name', type: 'webhook', config: { url: `http://localhost:${port}/hook` } },
      });
      assert.equal(channel.status, 201);
      const rule = await h.api<{ id: string }>(`/api/0/projects/${org}/${project}/rules/`, {
        method: 'POST',
        body: { name: 'Every new issue', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: channel.body.id }] },
      });
      assert.equal(rule.status, 201);
      await h.send({ message: 'Refused by the outbound policy' });
      // The strict process processes the event and delivers.
      await h.server.app.jobs.queue.flush();
      await strict.app.jobs.worker.drain();
      await strict.app.alerting.deliveries.drain();
      const history = await h.api<HistoryJson>(`/api/0/projects/${org}/${project}/rules/${rule.body.id}/history/`);
      assert.equal(history.status, 200);
      const delivery = history.body[0]?.deliveries[0];
      assert.equal(delivery?.status, 'failed', JSON.stringify(history.body));
      assert.equal(delivery?.attempts, 1);
      assert.match(delivery?.lastError ?? '', /outbound policy: localhost \((127\.0\.0\.1|::1)\) is denied by FAULTLINE_OUTBOUND_DENY/);

      // Hours later, in either process: nothing is retried, nothing arrives.
      h.clock.advance(6 * 3_600_000);
      await strict.app.alerting.deliveries.drain();
      await h.server.app.alerting.deliveries.drain();
      assert.equal(hook.requests.length, 0);
    });
  });
}
