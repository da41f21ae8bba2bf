// Metric rules end to end: events over HTTP, evaluation by the scheduled task on a manual
// clock, notifications on trigger, severity change and resolve to real receivers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, type HttpReceiver, startHttpReceiver, testDialects } from '../../testing/index.js';
import { type AlertHarness, startAlertHarness } from '../alert-harness.test-support.js';
import { METRIC_TASK } from '../alerting.js';
import { ACTION } from '../rules/issue-rule.js';

explainSkippedPostgres();

const minute = 60_000;
type Alert = {
  type: string;
  alert: {
    status: string;
    severity: string;
    reason: string;
    title: string;
    metric: { value: number; threshold: number };
    dedupKey: string;
    link: { url: string };
  };
};
type IncidentJson = { id: string; status: string; severity: string; activities?: { type: string; severity: string; value: number }[] };

for (const dialect of testDialects()) {
  describe(`metric alert rules (${dialect})`, () => {
    let h: AlertHarness;
    let hook: HttpReceiver;
    let pd: HttpReceiver;
    let org: string;
    before(async () => {
      hook = await startHttpReceiver();
      pd = await startHttpReceiver();
      pd.status = 202;
      h = await startAlertHarness(dialect, { FAULTLINE_PAGERDUTY_EVENTS_URL: `${pd.url}/v2/enqueue`, FAULTLINE_ALERT_EVALUATION_INTERVAL_MS: '60000' });
      org = h.server.workspace.org;
    });
    after(async () => {
      await h.close();
      await hook.close();
      await pd.close();
    });

    /** One scheduler tick a minute later: the scheduled task evaluates every metric rule. */
    async function minuteLater(): Promise<void> {
      h.clock.advance(minute);
      const ran = await h.server.app.jobs.scheduler.tick();
      assert.ok(ran.includes(METRIC_TASK), ran.join());
      await h.server.app.alerting.deliveries.drain();
    }

    async function burst(n: number): Promise<void> {
      for (let i = 0; i < n; i++) await h.send({ message: `Payment provider error ${i % 3}`, environment: 'production' });
      await h.process();
    }

    it('measures error count, users with errors, change vs. baseline and issue-search counts from stored events', async () => {
      const organization = await h.server.store.organizations.bySlug(org);
      assert.ok(organization);
      const target = await h.server.app.provisioning.ensureProject(organization, { slug: 'measured' });
      const send = (payload: Record<string, unknown>) => h.send(payload, { projectId: target.project.id, key: target.key.publicKey });
      const baselineAt = h.clock.now();
      for (const user of ['a', 'b']) await send({ message: 'Quiet error', user: { id: user } });
      await h.process();
      h.clock.advance(60 * minute);
      for (const user of ['a', 'b', 'c']) await send({ message: 'Fatal crash', level: 'fatal', user: { id: user } });
      for (const user of ['a', 'c']) await send({ message: 'Plain error', user: { id: user } });
      await h.send({ message: 'Fatal crash', level: 'fatal' }); // another project: never counted
      await h.process();
      const now = h.clock.now() + 1;
      const metrics = h.server.app.alerting.metrics;
      const input = {
        orgId: target.project.orgId,
        projectId: target.project.id,
        environment: null,
        query: '',
        start: now - 5 * minute,
        end: now,
        comparisonDeltaMs: null,
      };
      assert.equal(await metrics.get('error_count')?.measure(input), 5);
      assert.equal(await metrics.get('users_with_errors')?.measure(input), 3);
      assert.equal(await metrics.get('issue_search_count')?.measure({ ...input, query: 'is:unresolved level:fatal' }), 3);
      assert.equal(await metrics.get('issue_search_count')?.measure({ ...input, query: 'Plain' }), 2);
      // 5 now against 2 an hour earlier: +150 %.
      assert.equal(await metrics.get('error_rate')?.measure({ ...input, comparisonDeltaMs: h.clock.now() - baselineAt }), 150);
      assert.equal(await metrics.get('error_count')?.measure({ ...input, environment: 'staging' }), 0);
    });

    it('goes warning → critical → resolved, sustained for the duration, and notifies each change', async () => {
      const channels = `/api/0/organizations/${org}/notification-channels/`;
      const webhook = await h.api<{ id: string }>(channels, { method: 'POST', body: { name: 'hook', type: 'webhook', config: { url: hook.url } } });
      const pager = await h.api<{ id: string }>(channels, {
        method: 'POST',
        body: { name: 'pager', type: 'pagerduty', config: { routingKey: 'R0UT1NGKEY0123456789ABCDEFGHIJKL' } },
      });
      const created = await h.api<{ id: string; timeWindow: number; sustainFor: number }>(`/api/0/organizations/${org}/alert-rules/`, {
        method: 'POST',
        body: {
          name: 'Error spike in checkout',
          project: h.server.workspace.project,
          metric: 'error_count',
          environment: 'production',
          timeWindow: 10,
          warningThreshold: 5,
          criticalThreshold: 10,
          resolveThreshold: 2,
          sustainFor: 2,
          runbookUrl: 'https://runbooks.test/checkout-errors',
          actions: [
            { id: ACTION.channel, channel: webhook.body.id },
            { id: ACTION.channel, channel: pager.body.id },
          ],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.timeWindow, 10);
      const ruleId = created.body.id;

      await burst(7); // 7 errors in the window: above warning (5)
      await minuteLater();
      await minuteLater();
      assert.equal(hook.requests.length, 0, 'breached for 1 minute of the 2 required: nothing yet');
      await minuteLater();
      assert.equal(hook.requests.length, 1, 'warning sustained for 2 minutes: triggered');

      await burst(6); // 13 in the window: above critical (10)
      await minuteLater();
      await minuteLater();
      assert.equal(hook.requests.length, 1);
      await minuteLater();
      assert.equal(hook.requests.length, 2, 'critical sustained: severity changed');

      h.clock.advance(11 * minute); // everything leaves the 10-minute window: 0 < resolve threshold 2
      await minuteLater();
      assert.equal(hook.requests.length, 3, 'resolved');
      await minuteLater();
      assert.equal(hook.requests.length, 3, 'stays resolved without notifying again');

      const alerts = hook.requests.map((r) => JSON.parse(r.body) as Alert);
      assert.deepEqual(
        alerts.map((a) => [a.type, a.alert.severity, a.alert.metric.value]),
        [
          ['alert.triggered', 'warning', 7],
          ['alert.severity_changed', 'critical', 13],
          ['alert.resolved', 'critical', 0],
        ],
      );
      assert.match(alerts[0]?.alert.reason ?? '', /^Error count was 7 over the last 10 minutes, above the warning threshold of 5 for 2 minutes\.$/);
      assert.match(alerts[1]?.alert.reason ?? '', /escalated from warning to critical/);
      assert.match(alerts[2]?.alert.reason ?? '', /below the resolve threshold of 2/);
      assert.match(alerts[0]?.alert.link.url ?? '', new RegExp(`/organizations/${org}/alerts/rules/details/${ruleId}/\\?alert=\\d+$`));

      const events = pd.requests.map((r) => JSON.parse(r.body) as { event_action: string; dedup_key: string; payload?: { severity: string } });
      assert.deepEqual(
        events.map((e) => [e.event_action, e.payload?.severity]),
        [
          ['trigger', 'warning'],
          ['trigger', 'critical'],
          ['resolve', undefined],
        ],
      );
      assert.equal(new Set(events.map((e) => e.dedup_key)).size, 1, 'one PagerDuty alert: the same dedup_key throughout');

      const incidents = await h.api<IncidentJson[]>(`/api/0/organizations/${org}/incidents/?alertRule=${ruleId}`);
      assert.equal(incidents.body.length, 1);
      const incident = await h.api<IncidentJson>(`/api/0/organizations/${org}/incidents/${incidents.body[0]?.id}/`);
      assert.equal(incident.body.status, 'resolved');
      assert.deepEqual(
        incident.body.activities?.map((a) => [a.type, a.severity, a.value]),
        [
          ['opened', 'warning', 7],
          ['severity_changed', 'critical', 13],
          ['resolved', 'critical', 0],
        ],
      );
      const rule = await h.api<{ state: { status: string; lastValue: number } }>(`/api/0/organizations/${org}/alert-rules/${ruleId}/`);
      assert.deepEqual(rule.body.state.status, 'ok');
      const history = await h.api<{ status: string; deliveries: { status: string }[] }[]>(`/api/0/organizations/${org}/alert-rules/${ruleId}/history/`);
      assert.deepEqual(
        history.body.map((f) => [f.status, f.deliveries.map((d) => d.status).join(',')]),
        [
          ['resolved', 'sent,sent'],
          ['severity_changed', 'sent,sent'],
          ['triggered', 'sent,sent'],
        ],
      );
    });
  });
}
