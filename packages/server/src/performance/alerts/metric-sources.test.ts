// Metric alerts on performance data, end to end: transactions over HTTP on a manual clock, a
// rule in Sentry's spelling evaluated by the scheduled task, notifications to a real receiver.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AlertHarness, startAlertHarness } from '../../alert/alert-harness.test-support.js';
import { ACTION, METRIC_TASK } from '../../alert/index.js';
import { explainSkippedPostgres, type HttpReceiver, post, startHttpReceiver, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

const minute = 60_000;
const hex = (n: number) => randomBytes(n).toString('hex');

for (const dialect of testDialects()) {
  describe(`performance metric alerts (${dialect})`, () => {
    let h: AlertHarness;
    let hook: HttpReceiver;
    before(async () => {
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect, { FAULTLINE_ALERT_EVALUATION_INTERVAL_MS: '60000' });
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    /** One transaction ending now (by the harness clock) that took `ms`, answered with `status`. */
    async function transaction(name: string, ms: number, status = 200, method = 'GET'): Promise<void> {
      const end = h.clock.now() / 1000;
      const event = {
        type: 'transaction',
        event_id: hex(16),
        transaction: name,
        start_timestamp: end - ms / 1000,
        timestamp: end,
        environment: 'production',
        request: { method, url: `https://shop.test${name.split(' ')[1] ?? '/'}` },
        contexts: {
          trace: { trace_id: hex(16), span_id: hex(8), op: 'http.server', status: status >= 500 ? 'internal_error' : 'ok' },
          response: { status_code: status },
        },
      };
      const header = JSON.stringify({ event_id: event.event_id, sent_at: new Date(h.clock.now()).toISOString() });
      const res = await post(h.server, `${header}\n{"type":"transaction"}\n${JSON.stringify(event)}`);
      assert.equal(res.status, 200);
    }

    async function minuteLater(): Promise<void> {
      h.clock.advance(minute);
      const ran = await h.server.app.jobs.scheduler.tick();
      assert.ok(ran.includes(METRIC_TASK), ran.join());
      await h.server.app.alerting.deliveries.drain();
    }

    it('measures p95, failure rate, the share of 5xx, throughput and apdex from the rollups, filtered by the query', async () => {
      for (const ms of [100, 200, 300, 400]) await transaction('GET /catalog', ms);
      await transaction('GET /catalog', 2000, 503);
      await transaction('POST /catalog', 9000, 200, 'POST');
      await h.process();
      const metrics = h.server.app.alerting.metrics;
      const now = h.clock.now() + 1;
      const input = {
        orgId: 0,
        projectId: h.server.workspace.projectId,
        environment: null,
        query: 'transaction:"GET /catalog"',
        start: now - 5 * minute,
        end: now,
        comparisonDeltaMs: null,
      };
      const p95 = await metrics.get('transaction_duration_p95')?.measure(input);
      // The sketch's quantile is the sorted value at rank floor(0.95 · (5 − 1)) = 3: 400 ms, within 1%.
      assert.ok(p95 !== null && p95 !== undefined && Math.abs(p95 - 400) <= 4, `p95 ${String(p95)}`);
      assert.ok(Math.abs(Number(await metrics.get('transaction_duration_p99')?.measure(input)) - 400) <= 4);
      assert.ok(Math.abs(Number(await metrics.get('transaction_duration_avg')?.measure(input)) - 600) < 0.01);
      assert.equal(await metrics.get('transaction_count')?.measure(input), 5);
      assert.equal(await metrics.get('transaction_failure_rate')?.measure(input), 20);
      assert.equal(await metrics.get('transaction_5xx_rate')?.measure(input), 20);
      assert.equal(await metrics.get('transaction_5xx_rate')?.measure({ ...input, query: 'http.method:POST' }), 0);
      assert.equal(await metrics.get('transaction_count')?.measure({ ...input, query: 'http.status_code:5xx' }), 1);
      // apdex at 300 ms: 3 satisfied (≤ 300), 1 tolerated (≤ 1200), 1 frustrated → (3 + 0.5) / 5
      assert.equal(await metrics.get('transaction_apdex')?.measure(input), 0.7);
      assert.equal(await metrics.get('transaction_count')?.measure({ ...input, environment: 'staging' }), 0);
    });

    it('refuses rule queries the rollups cannot answer, and unknown Sentry aggregates', async () => {
      const org = h.server.workspace.org;
      const bad = async (body: Record<string, unknown>, detail: RegExp) => {
        const res = await h.api<{ detail: string }>(`/api/0/organizations/${org}/alert-rules/`, {
          method: 'POST',
          body: {
            name: 'x',
            project: h.server.workspace.project,
            timeWindow: 5,
            criticalThreshold: 1,
            actions: [{ id: ACTION.channel, channel: '1' }],
            ...body,
          },
        });
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.match(res.body.detail, detail);
      };
      await bad({ dataset: 'transactions', aggregate: 'p95(transaction.duration)', query: 'user.email:a@b.c' }, /cannot filter a performance alert/);
      await bad({ dataset: 'transactions', aggregate: 'p42(transaction.duration)' }, /not supported on dataset transactions/);
      await bad({ dataset: 'replays', aggregate: 'count()' }, /dataset must be one of/);
    });

    it('"p95 > 3 s for 10 minutes" in Sentry\'s spelling fires once to a real receiver and resolves', async () => {
      const org = h.server.workspace.org;
      const webhook = await h.api<{ id: string }>(`/api/0/organizations/${org}/notification-channels/`, {
        method: 'POST',
        body: { name: 'hook', type: 'webhook', config: { url: hook.url } },
      });
      const created = await h.api<{ id: string; metric?: string }>(`/api/0/organizations/${org}/alert-rules/`, {
        method: 'POST',
        body: {
          name: 'Checkout is slow',
          project: h.server.workspace.project,
          dataset: 'transactions',
          aggregate: 'p95(transaction.duration)',
          query: 'transaction:"GET /checkout"',
          timeWindow: 10,
          thresholdType: 0,
          criticalThreshold: 3000,
          resolveThreshold: 1000,
          actions: [{ id: ACTION.channel, channel: webhook.body.id }],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      h.clock.advance(11 * minute); // the first test's transactions leave the window
      for (let i = 0; i < 10; i++) await transaction('GET /checkout', 200);
      for (let i = 0; i < 10; i++) await transaction('GET /checkout', 5000);
      await transaction('GET /admin', 60_000); // another route: never counted
      await h.process();
      await minuteLater();
      assert.equal(hook.requests.length, 1, 'triggered once');
      await minuteLater();
      assert.equal(hook.requests.length, 1, 'still breached: no second page');
      h.clock.advance(10 * minute);
      for (let i = 0; i < 20; i++) await transaction('GET /checkout', 150);
      await h.process();
      await minuteLater();
      assert.equal(hook.requests.length, 2, 'resolved');
      const bodies = hook.requests.map((r) => JSON.parse(r.body) as { type: string; alert: { metric: { value: number } } });
      assert.deepEqual(
        bodies.map((b) => b.type),
        ['alert.triggered', 'alert.resolved'],
      );
      const fired = bodies[0]?.alert.metric.value ?? 0;
      assert.ok(Math.abs(fired - 5000) <= 50, `p95 at trigger ${fired} ≈ 5000 ms (1% sketch accuracy)`);
    });
  });
}
