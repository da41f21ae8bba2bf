// Crash-free rate metric alerts end to end: sessions over the envelope endpoint on a manual
// clock, rules in Sentry's crash-rate spelling evaluated by the scheduled task, notifications
// to a real HTTP receiver naming the release, its deploy and the previous release's rate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AlertHarness, startAlertHarness } from '../../alert/alert-harness.test-support.js';
import { ACTION, METRIC_TASK } from '../../alert/index.js';
import {
  explainSkippedPostgres,
  type HttpReceiver,
  post,
  type SessionTraffic,
  sessionsEnvelope,
  startHttpReceiver,
  testDialects,
} from '../../testing/index.js';
import { parseReleaseFilter } from './health-metric-sources.js';

explainSkippedPostgres();

const minute = 60_000;
type Alert = {
  type: string;
  alert: { status: string; reason: string; metric: { key: string; value: number }; release: { version: string; deploys: { environment: string }[] } | null };
};

for (const dialect of testDialects()) {
  describe(`crash-free rate metric alerts (${dialect})`, () => {
    let h: AlertHarness;
    let hook: HttpReceiver;
    let org: string;
    before(async () => {
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect, { FAULTLINE_ALERT_EVALUATION_INTERVAL_MS: '60000' });
      org = h.server.workspace.org;
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    async function sessions(release: string, traffic: Omit<SessionTraffic, 'started'>): Promise<void> {
      const res = await post(h.server, sessionsEnvelope(release, { ...traffic, started: h.clock.now() - minute }));
      assert.equal(res.status, 200);
      await h.process();
    }

    /** A release created now (by the harness clock) and deployed to production now. */
    async function deploy(version: string): Promise<void> {
      const created = await h.api(`/api/0/organizations/${org}/releases/`, { method: 'POST', body: { version, projects: [h.server.workspace.project] } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const at = new Date(h.clock.now()).toISOString();
      const deployed = await h.api(`/api/0/organizations/${org}/releases/${version}/deploys/`, {
        method: 'POST',
        body: { environment: 'production', dateStarted: at, dateFinished: at },
      });
      assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
    }

    async function minuteLater(): Promise<void> {
      h.clock.advance(minute);
      const ran = await h.server.app.jobs.scheduler.tick();
      assert.ok(ran.includes(METRIC_TASK), ran.join());
      await h.server.app.alerting.deliveries.drain();
    }

    const input = (query: string, environment: string | null = 'production') => ({
      orgId: 0,
      projectId: h.server.workspace.projectId,
      environment,
      query,
      start: h.clock.now() - 60 * minute,
      end: h.clock.now() + 1,
      comparisonDeltaMs: null,
    });

    it('measures crash-free sessions and users of one release, the latest, or all, per environment', async () => {
      await deploy('shop@1.0.0');
      h.clock.advance(5 * minute);
      // 100 users, 2 healthy sessions each; 2 of them crashed once: 200 + 2 sessions.
      await sessions('shop@1.0.0', { users: 100, perUser: 2, crashedUsers: 2 });
      await sessions('shop@1.0.0', { users: 4, perUser: 1, crashedUsers: 4, environment: 'staging' });
      const metrics = h.server.app.alerting.metrics;
      const sessionRate = metrics.get('crash_free_session_rate');
      const userRate = metrics.get('crash_free_user_rate');
      assert.ok(sessionRate && userRate);
      assert.equal(await userRate.measure(input('release:shop@1.0.0')), 98);
      assert.ok(Math.abs(Number(await sessionRate.measure(input('release:"shop@1.0.0"'))) - (100 - (2 / 202) * 100)) < 1e-9);
      assert.equal(await userRate.measure(input('release:latest')), 98);
      assert.equal(await userRate.measure(input('')), 98);
      // staging: 4 crashed of 4 users
      assert.equal(await userRate.measure(input('release:latest', 'staging')), 0);
      // all environments: user-0 … user-3 crashed somewhere, of 100 distinct users
      assert.equal(await userRate.measure(input('', null)), 96);
      // no sessions: nothing measured (which must not resolve an alert)
      assert.equal(await userRate.measure(input('release:shop@0.0.1')), null);
      assert.equal(await userRate.measure({ ...input('release:shop@1.0.0'), environment: 'qa' }), null);
    });

    it('refuses queries other than one release, and unknown crash-rate aggregates', async () => {
      assert.equal(parseReleaseFilter('release:a*').ok, false);
      assert.equal(parseReleaseFilter('environment:prod').ok, false);
      assert.equal(parseReleaseFilter('release:a release:b').ok, false);
      assert.deepEqual(parseReleaseFilter(' release:latest '), { ok: true, value: { kind: 'latest' } });
      const bad = async (body: Record<string, unknown>, detail: RegExp) => {
        const res = await h.api<{ detail: string }>(`/api/0/organizations/${org}/alert-rules/`, {
          method: 'POST',
          body: {
            name: 'x',
            project: h.server.workspace.project,
            timeWindow: 60,
            criticalThreshold: 97,
            actions: [{ id: ACTION.channel, channel: '1' }],
            ...body,
          },
        });
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.match(res.body.detail, detail);
      };
      await bad({ dataset: 'metrics', aggregate: 'crash_free_rate(session)', query: 'user.email:a@b.c' }, /filters only by release/);
      await bad({ dataset: 'metrics', aggregate: 'percentage(sessions_errored, sessions)' }, /not supported on dataset metrics/);
    });

    it('"crash-free sessions of the latest release below 97 % for 2 minutes" fires once to a real receiver and resolves', async () => {
      const webhook = await h.api<{ id: string }>(`/api/0/organizations/${org}/notification-channels/`, {
        method: 'POST',
        body: { name: 'hook', type: 'webhook', config: { url: hook.url } },
      });
      const created = await h.api<{ id: string }>(`/api/0/organizations/${org}/alert-rules/`, {
        method: 'POST',
        body: {
          name: 'Latest release crashes',
          project: h.server.workspace.project,
          dataset: 'metrics',
          aggregate: 'percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate',
          query: 'release:latest',
          environment: 'production',
          timeWindow: 60,
          thresholdType: 1,
          criticalThreshold: 97,
          resolveThreshold: 98,
          sustainFor: 2,
          actions: [{ id: ACTION.channel, channel: webhook.body.id }],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await minuteLater();
      assert.equal(hook.requests.length, 0, 'shop@1.0.0 is healthy');
      // A day later the new release goes out and crashes: 10 of 50 sessions.
      h.clock.advance(24 * 60 * minute);
      await deploy('shop@2.0.0');
      h.clock.advance(2 * minute);
      await sessions('shop@2.0.0', { users: 40, perUser: 1, crashedUsers: 10 });
      await minuteLater();
      assert.equal(hook.requests.length, 0, 'breached, but not yet for 2 minutes');
      await minuteLater();
      await minuteLater();
      assert.equal(hook.requests.length, 1, 'triggered once the breach was held');
      await minuteLater();
      assert.equal(hook.requests.length, 1, 'still breached: no second message');
      // Healthy traffic brings it to 990 crash-free of 1,000 sessions: 99 % ≥ 98 %.
      await sessions('shop@2.0.0', { users: 950, perUser: 1, crashedUsers: 0 });
      await minuteLater();
      assert.equal(hook.requests.length, 2, 'resolved');
      const [fired, resolved] = hook.requests.map((r) => JSON.parse(r.body) as Alert);
      assert.equal(fired?.type, 'alert.triggered');
      assert.equal(resolved?.type, 'alert.resolved');
      assert.equal(fired?.alert.metric.key, 'crash_free_session_rate');
      assert.equal(fired?.alert.metric.value, 80);
      assert.equal(fired?.alert.release?.version, 'shop@2.0.0');
      assert.equal(fired?.alert.release?.deploys[0]?.environment, 'production');
      const deployedAt = '2026-11-22 15:06 UTC';
      assert.match(
        fired?.alert.reason ?? '',
        new RegExp(
          `below the critical threshold of 97 for 2 minutes\\. Release shop@2\\.0\\.0 \\(deployed to production ${deployedAt}\\); previous release shop@1\\.0\\.0: 99\\.01% in the 24 hours before that\\.`,
        ),
      );
      assert.equal(resolved?.alert.metric.value, 99);
      assert.match(resolved?.alert.reason ?? '', /Release shop@2\.0\.0/);
    });
  });
}
