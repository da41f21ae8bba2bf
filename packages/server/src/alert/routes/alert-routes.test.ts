import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ApiRequest,
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  type HttpReceiver,
  mintToken,
  startHttpReceiver,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { verifyWebhookSignature } from '../channels/webhook/webhook-signature.js';
import { ACTION, CONDITION, FILTER } from '../rules/issue-rule.js';

explainSkippedPostgres();

type Rule = {
  id: string;
  name: string;
  frequency: number;
  snoozed: boolean;
  snoozeUntil: string | null;
  conditions: { id: string; name: string }[];
  actions: { id: string; channel?: string }[];
  projects: string[];
};
type Channel = { id: string; name: string; type: string; config: Record<string, unknown> };
type MetricRule = { id: string; metric: string; query: string; timeWindow: number; criticalThreshold: number; projects: string[] };

for (const dialect of testDialects()) {
  describe(`alert API (${dialect})`, () => {
    let server: TestServer;
    let receiver: HttpReceiver;
    let org: string;
    let rules: string;
    let channels: string;
    const call = <T>(path: string, request: ApiRequest = {}) => apiFetch<T>(server.url, path, { as: { token: server.workspace.token }, ...request });
    before(async () => {
      receiver = await startHttpReceiver();
      server = await startTestServer({ dialect, env: { FAULTLINE_ALERTS_ENABLED: 'false', FAULTLINE_PAGERDUTY_EVENTS_URL: `${receiver.url}/pd` } });
      org = server.workspace.org;
      rules = `/api/0/projects/${org}/${server.workspace.project}/rules/`;
      channels = `/api/0/organizations/${org}/notification-channels/`;
    });
    after(async () => {
      await server.close();
      await receiver.close();
    });

    it('notification channels: secrets shown once, kept on update, a test notification actually sent', async () => {
      const created = await call<Channel>(channels, {
        method: 'POST',
        body: { name: 'Ops webhook', type: 'webhook', config: { url: `${receiver.url}/hook` } },
      });
      assert.equal(created.status, 201);
      const secret = created.body.config.secret as string;
      assert.match(secret, /^[0-9a-f]{64}$/, 'a secret is generated and shown on creation');
      const shown = await call<Channel>(`${channels}${created.body.id}/`);
      assert.equal(shown.body.config.secret, `********${secret.slice(-4)}`);
      const renamed = await call<Channel>(`${channels}${created.body.id}/`, { method: 'PUT', body: { name: 'Ops hook' } });
      assert.equal(renamed.body.name, 'Ops hook');

      const test = await call<{ ok: boolean }>(`${channels}${created.body.id}/test/`, { method: 'POST' });
      assert.deepEqual(test.body, { ok: true });
      const sent = receiver.requests.at(-1);
      assert.equal(sent?.path, '/hook');
      assert.ok(verifyWebhookSignature(secret, sent?.body ?? '', sent?.headers['x-faultline-signature'] as string), 'still signed with the original secret');
      assert.match(JSON.parse(sent?.body ?? '{}').alert.title as string, /^Test notification for “Ops hook”$/);

      receiver.status = 404;
      const failing = await call<{ ok: boolean; error: string }>(`${channels}${created.body.id}/test/`, { method: 'POST' });
      assert.equal(failing.body.ok, false);
      assert.match(failing.body.error, /^HTTP 404/);
      receiver.status = 200;

      const pd = await call<Channel>(channels, {
        method: 'POST',
        body: { name: 'Pager', type: 'pagerduty', config: { routingKey: 'R0UT1NGKEY0123456789ABCDEFGHIJKL' } },
      });
      const before = receiver.requests.length;
      assert.deepEqual((await call(`${channels}${pd.body.id}/test/`, { method: 'POST' })).body, { ok: true });
      const actions = receiver.requests.slice(before).map((r) => (JSON.parse(r.body) as { event_action: string }).event_action);
      assert.deepEqual(actions, ['trigger', 'resolve'], 'a PagerDuty test resolves itself');

      assertDetail(await call(channels, { method: 'POST', body: { name: 'x', type: 'sms', config: {} } }), 400, /^type must be one of slack, email/);
      assertDetail(
        await call(channels, { method: 'POST', body: { name: 'x', type: 'slack', config: { webhookUrl: 'ftp://x' } } }),
        400,
        /^config\.webhookUrl must be an http\(s\) URL$/,
      );
      assertDetail(
        await call(channels, { method: 'POST', body: { name: 'x', type: 'email', config: { recipients: ['not-an-address'] } } }),
        400,
        /"not-an-address" is not an e-mail address/,
      );
      assertDetail(await call(`${channels}${created.body.id}/`, { method: 'PUT', body: { type: 'slack' } }), 400, /type cannot be changed/);
      assertDetail(await call(`${channels}999999/`), 404);
    });

    it('issue rules: create, read, update, snooze, delete; bad input is a 400 naming the field', async () => {
      const channel = await call<Channel>(channels, {
        method: 'POST',
        body: { name: 'Slack', type: 'slack', config: { webhookUrl: `${receiver.url}/slack` } },
      });
      const created = await call<Rule>(rules, {
        method: 'POST',
        body: {
          name: 'Fatal regressions in production',
          conditions: [{ id: CONDITION.regression }],
          filters: [{ id: FILTER.level, match: 'gte', level: 'fatal' }],
          actions: [{ id: ACTION.channel, channel: channel.body.id }],
          environment: 'production',
          frequency: 60,
          runbookUrl: 'https://runbooks.test/regressions',
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.conditions[0]?.name, 'The issue changes state from resolved to unresolved');
      assert.deepEqual(created.body.projects, [server.workspace.project]);
      const path = `${rules}${created.body.id}/`;
      assert.equal((await call<Rule>(path)).body.name, 'Fatal regressions in production');
      assert.ok((await call<Rule[]>(rules)).body.some((r) => r.id === created.body.id));

      const updated = await call<Rule>(path, { method: 'PUT', body: { frequency: 120 } });
      assert.equal(updated.status, 200);
      assert.equal(updated.body.frequency, 120);
      assert.equal(updated.body.name, 'Fatal regressions in production', 'left out: kept');

      const until = new Date(Date.now() + 3_600_000).toISOString();
      const snoozed = await call<Rule>(`${path}snooze/`, { method: 'POST', body: { until } });
      assert.equal(snoozed.body.snoozed, true);
      assert.equal(snoozed.body.snoozeUntil, until);
      assertDetail(await call(`${path}snooze/`, { method: 'POST', body: { until: '2001-01-01T00:00:00Z' } }), 400, /^until must be in the future$/);
      assertDetail(await call(`${path}snooze/`, { method: 'POST', body: { until: 'tomorrow' } }), 400, /^until must be an ISO 8601 date$/);
      assert.equal((await call<Rule>(`${path}snooze/`, { method: 'DELETE' })).body.snoozed, false);

      assertDetail(
        await call(rules, { method: 'POST', body: { name: 'x', conditions: [{ id: CONDITION.firstSeen }], actions: [] } }),
        400,
        /actions must have at least one action/,
      );
      assertDetail(
        await call(rules, {
          method: 'POST',
          body: { name: 'x', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: '999999' }] },
        }),
        400,
        /^actions\[0\]: notification channel 999999 does not exist$/,
      );
      assertDetail(
        await call(rules, {
          method: 'POST',
          body: { name: 'x', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.email, targetType: 'Team', targetIdentifier: 999999 }] },
        }),
        400,
        /^actions\[0\]: team 999999 does not exist$/,
      );
      assertDetail(await call(rules, { method: 'POST', body: '[1]' }), 400);

      assert.equal((await call(path, { method: 'DELETE' })).status, 204);
      assertDetail(await call(path), 404, /Alert rule not found/);
      assertDetail(await call(`${rules}abc/`), 404);
    });

    it('metric rules: the issue-search metric validates its query with the search parser', async () => {
      const base = `/api/0/organizations/${org}/alert-rules/`;
      const metrics = await call<{ key: string }[]>(`${base}metrics/`);
      assert.deepEqual(
        metrics.body.map((m) => m.key),
        [
          'error_count',
          'error_rate',
          'users_with_errors',
          'issue_search_count',
          // performance/ registers the transaction metrics (docs/alerts.md › Performance metrics)
          'transaction_duration_p50',
          'transaction_duration_p75',
          'transaction_duration_p95',
          'transaction_duration_p99',
          'transaction_duration_avg',
          'transaction_failure_rate',
          'transaction_5xx_rate',
          'transaction_count',
          'transaction_apdex',
          // sessions/ registers the crash-free rates (docs/alerts.md › Crash-free rate)
          'crash_free_session_rate',
          'crash_free_user_rate',
        ],
      );
      const channel = await call<Channel>(channels, { method: 'POST', body: { name: 'Mail', type: 'email', config: { recipients: ['oncall@acme.test'] } } });
      const rule = {
        name: 'Fatal errors',
        project: server.workspace.project,
        metric: 'issue_search_count',
        criticalThreshold: 10,
        actions: [{ id: ACTION.channel, channel: channel.body.id }],
      };
      assertDetail(await call(base, { method: 'POST', body: { ...rule, query: 'is:unresolved level:' } }), 400, /^query: /);
      assertDetail(await call(base, { method: 'POST', body: { ...rule, query: '' } }), 400, /^query: an issue search is required/);
      assertDetail(await call(base, { method: 'POST', body: { ...rule, query: 'assigned:me' } }), 400, /cannot use it/);
      assertDetail(await call(base, { method: 'POST', body: { ...rule, query: 'level:fatal', project: 'nope' } }), 400, /^project "nope" does not exist$/);
      const created = await call<MetricRule>(base, { method: 'POST', body: { ...rule, query: 'is:unresolved level:fatal' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.query, 'is:unresolved level:fatal');
      assert.deepEqual(created.body.projects, [server.workspace.project]);
      const updated = await call<MetricRule>(`${base}${created.body.id}/`, { method: 'PUT', body: { timeWindow: 15 } });
      assert.equal(updated.body.timeWindow, 15);
      assert.equal(updated.body.criticalThreshold, 10);
      assert.equal((await call(`${base}${created.body.id}/`, { method: 'DELETE' })).status, 204);
      assertDetail(await call(`${base}${created.body.id}/`), 404);
    });

    it('reads need project:read, changes project:write; other organizations are 404', async () => {
      const reader = await addPerson(server, `reader-${dialect}@alerts.test`, { [org]: 'member' });
      const readToken = await mintToken(server, reader, ['project:read', 'org:read']);
      assert.equal((await apiFetch(server.url, rules, { as: { token: readToken } })).status, 200);
      assertDetail(await apiFetch(server.url, rules, { method: 'POST', as: { token: readToken }, body: {} }), 403, /project:write/);
      assertDetail(await apiFetch(server.url, channels, { method: 'POST', as: { token: readToken }, body: {} }), 403, /project:write/);

      const stranger = await addPerson(server, `stranger-${dialect}@alerts.test`);
      const other = await addOrganization(server, `other-${dialect}`, stranger);
      const strangerToken = await mintToken(server, stranger, ['project:read', 'project:write', 'org:read']);
      assertDetail(await apiFetch(server.url, rules, { as: { token: strangerToken } }), 404, /Organization not found/);
      assertDetail(await apiFetch(server.url, channels, { as: { token: strangerToken } }), 404, /Organization not found/);
      // A channel of another organization cannot be used in, or read through, ours.
      const theirs = await apiFetch<Channel>(server.url, `/api/0/organizations/${other.org.slug}/notification-channels/`, {
        method: 'POST',
        as: { token: strangerToken },
        body: { name: 'theirs', type: 'webhook', config: { url: `${receiver.url}/theirs` } },
      });
      assert.equal(theirs.status, 201);
      assertDetail(await call(`${channels}${theirs.body.id}/`), 404);
      assertDetail(await call(`${channels}${theirs.body.id}/test/`, { method: 'POST' }), 404);
      assertDetail(
        await call(rules, {
          method: 'POST',
          body: { name: 'x', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: theirs.body.id }] },
        }),
        400,
        /does not exist/,
      );
      // Their project got its own default rule, e-mailing their team.
      const theirRules = await apiFetch<Rule[]>(server.url, `/api/0/projects/${other.org.slug}/${other.project.slug}/rules/`, { as: { token: strangerToken } });
      assert.equal(theirRules.body.length, 1);
      // Provisioning the same project again does not add a second one.
      await server.app.provisioning.ensureProject(other.org, { slug: other.project.slug });
      assert.equal((await server.store.alerts.issueRules.list(other.project.id)).length, 1);
    });
  });
}
