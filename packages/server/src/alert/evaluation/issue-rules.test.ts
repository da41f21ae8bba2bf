// Issue rules end to end on every database: real envelopes over HTTP, the real pipeline,
// evaluation from the post-process seam, delivery through the outbox to real receivers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  explainSkippedPostgres,
  type HttpReceiver,
  mimeParts,
  type SmtpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
  testDialects,
} from '../../testing/index.js';
import { type AlertHarness, startAlertHarness } from '../alert-harness.test-support.js';
import { ACTION, CONDITION, FILTER } from '../rules/issue-rule.js';

explainSkippedPostgres();

const minute = 60_000;
type RuleJson = {
  id: string;
  name: string;
  snoozed: boolean;
  conditions: { id: string }[];
  filters: { id: string }[];
  actions: { id: string; targetType?: string }[];
};
type HistoryJson = {
  status: string;
  reason: string;
  issue: { id: string } | null;
  deliveries: { status: string; attempts: number; lastError: string | null; channel: { type: string } }[];
}[];

for (const dialect of testDialects()) {
  describe(`issue alert rules end to end (${dialect})`, () => {
    let h: AlertHarness;
    let smtp: SmtpReceiver;
    let hook: HttpReceiver;
    let channelId: string;
    let base: string;
    before(async () => {
      smtp = await startSmtpReceiver();
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect, {
        FAULTLINE_SMTP_HOST: '127.0.0.1',
        FAULTLINE_SMTP_PORT: String(smtp.port),
        FAULTLINE_SMTP_FROM: 'alerts@faultline.test',
      });
      base = `/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/rules/`;
      const channel = await h.api<{ id: string }>(`/api/0/organizations/${h.server.workspace.org}/notification-channels/`, {
        method: 'POST',
        body: { name: 'ops hook', type: 'webhook', config: { url: `${hook.url}/hook`, secret: 'a-secret-of-enough-length' } },
      });
      assert.equal(channel.status, 201);
      channelId = channel.body.id;
    });
    after(async () => {
      await h.close();
      await smtp.close();
      await hook.close();
    });

    it('a new project has the default rule: new issue affecting more than 5 users within 1 hour → e-mail the team', async () => {
      const res = await h.api<RuleJson[]>(base);
      assert.equal(res.status, 200);
      assert.equal(res.body.length, 1);
      const rule = res.body[0] as RuleJson;
      assert.equal(rule.name, 'New issue affecting more than 5 users within 1 hour');
      assert.deepEqual(
        rule.conditions.map((c) => c.id),
        [CONDITION.userFrequency],
      );
      assert.deepEqual(rule.actions[0]?.targetType, 'Team');
    });

    it('the default rule fires exactly once, when the 6th distinct user arrives', async () => {
      for (let user = 1; user <= 5; user++) {
        await h.send({ message: 'Checkout failed: card declined', user: { id: `user-${user}` } });
        await h.process();
        h.clock.advance(minute);
      }
      assert.equal(smtp.mails.length, 0, 'five users are not more than five');
      await h.send({ message: 'Checkout failed: card declined', user: { id: 'user-6' } });
      await h.process();
      await smtp.waitFor(1);
      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0];
      assert.deepEqual(mail?.to, [h.server.workspace.admin.email]);
      const { headers, text } = mimeParts(mail?.raw ?? '');
      assert.match(headers, /Subject: \[error\] Checkout failed: card declined/);
      assert.match(text, /Affected more than 5 users within 1 hour\./);
      assert.match(text, /Users affected: 6/);
      assert.match(text, /Open issue: http:\/\/127\.0\.0\.1:\d+\/organizations\/faultline\/issues\/\d+\//);
      // More users (and a repeat of a known one) within the action interval: no second mail.
      for (const user of ['user-7', 'user-8', 'user-6']) {
        await h.send({ message: 'Checkout failed: card declined', user: { id: user } });
        await h.process();
      }
      assert.equal(smtp.mails.length, 1);
      const rules = await h.api<RuleJson[]>(base);
      const history = await h.api<HistoryJson>(`${base}${rules.body[0]?.id}/history/`);
      assert.equal(history.body.length, 1);
      assert.equal(history.body[0]?.deliveries[0]?.status, 'sent');
      assert.equal(history.body[0]?.deliveries[0]?.channel.type, 'email');
    });

    it('the action interval suppresses a repeat until it has passed', async () => {
      const created = await h.api<RuleJson>(base, {
        method: 'POST',
        body: {
          name: 'Busy issue',
          conditions: [{ id: CONDITION.eventFrequency, value: 2, interval: '1h' }],
          actions: [{ id: ACTION.channel, channel: channelId }],
          frequency: 10,
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const before = hook.requests.length;
      for (let i = 0; i < 3; i++) await h.send({ message: 'Timeout talking to inventory' });
      await h.process();
      assert.equal(hook.requests.length, before + 1, 'three events in an hour is more than two: fires');
      h.clock.advance(5 * minute);
      await h.send({ message: 'Timeout talking to inventory' });
      await h.process();
      assert.equal(hook.requests.length, before + 1, 'within the 10-minute action interval: suppressed');
      h.clock.advance(6 * minute);
      await h.send({ message: 'Timeout talking to inventory' });
      await h.process();
      assert.equal(hook.requests.length, before + 2, 'after the interval: fires again');
      const body = JSON.parse(hook.requests.at(-1)?.body ?? '{}') as { alert: { reason: string; rule: { name: string } } };
      assert.equal(body.alert.rule.name, 'Busy issue');
      assert.match(body.alert.reason, /Seen more than 2 times in 1 hour/);
      await h.api(`${base}${created.body.id}/`, { method: 'DELETE' });
    });

    it('first seen in the latest release: the message names the release and its recent deploy', async () => {
      const store = h.server.store;
      const org = await store.organizations.bySlug(h.server.workspace.org);
      assert.ok(org);
      const older = await store.releases.versions.upsert(org.id, { version: 'shop@1.0.0' });
      await store.releases.versions.addProjects(older.release.id, [h.server.workspace.projectId]);
      h.clock.advance(minute);
      const latest = await store.releases.versions.upsert(org.id, { version: 'shop@2.0.0' });
      await store.releases.versions.addProjects(latest.release.id, [h.server.workspace.projectId]);
      const deployedAt = h.clock.now() - 5 * minute;
      await store.releases.deploys.create(org.id, {
        releaseId: latest.release.id,
        environment: 'production',
        name: null,
        url: null,
        dateStarted: null,
        dateFinished: deployedAt,
      });
      const created = await h.api<RuleJson>(base, {
        method: 'POST',
        body: {
          name: 'New in the latest release',
          conditions: [{ id: CONDITION.firstSeen }],
          filters: [{ id: FILTER.firstSeenInLatestRelease }],
          actions: [{ id: ACTION.channel, channel: channelId }],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const start = hook.requests.length;
      await h.send({ message: 'Broken in the old release', release: 'shop@1.0.0', environment: 'production' });
      await h.process();
      assert.equal(hook.requests.length, start, 'first seen in an older release: filtered out');
      await h.send({ message: 'Broken in the new release', release: 'shop@2.0.0', environment: 'production' });
      await h.process();
      assert.equal(hook.requests.length, start + 1);
      const body = JSON.parse(hook.requests.at(-1)?.body ?? '{}') as {
        alert: { title: string; environment: string; release: { version: string; deploys: { environment: string; finishedAt: number }[] } };
      };
      assert.equal(body.alert.title, 'Broken in the new release');
      assert.equal(body.alert.environment, 'production');
      assert.deepEqual(body.alert.release, { version: 'shop@2.0.0', deploys: [{ environment: 'production', finishedAt: deployedAt }] });
      await h.api(`${base}${created.body.id}/`, { method: 'DELETE' });
    });

    it('a muted or snoozed rule does not fire; unsnoozed it does', async () => {
      const created = await h.api<RuleJson>(base, {
        method: 'POST',
        body: { name: 'Every new issue', conditions: [{ id: CONDITION.firstSeen }], actions: [{ id: ACTION.channel, channel: channelId }] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const rule = `${base}${created.body.id}/`;
      const start = hook.requests.length;

      const muted = await h.api<RuleJson>(`${rule}snooze/`, { method: 'POST', body: {} });
      assert.equal(muted.status, 200);
      assert.equal(muted.body.snoozed, true);
      await h.send({ message: 'First new problem' });
      await h.process();
      assert.equal(hook.requests.length, start, 'muted: no notification');

      await h.api(`${rule}snooze/`, { method: 'DELETE' });
      await h.send({ message: 'Second new problem' });
      await h.process();
      assert.equal(hook.requests.length, start + 1, 'unmuted: fires');

      const snoozed = await h.api<RuleJson>(`${rule}snooze/`, { method: 'POST', body: { minutes: 30 } });
      assert.equal(snoozed.body.snoozed, true);
      await h.send({ message: 'Third new problem' });
      await h.process();
      assert.equal(hook.requests.length, start + 1, 'snoozed for 30 minutes: no notification');
      h.clock.advance(31 * minute);
      await h.send({ message: 'Fourth new problem' });
      await h.process();
      assert.equal(hook.requests.length, start + 2, 'the snooze ran out: fires');
      const last = JSON.parse(hook.requests.at(-1)?.body ?? '{}') as { alert: { title: string; reason: string } };
      assert.equal(last.alert.title, 'Fourth new problem');
      assert.equal(last.alert.reason, 'A new issue was created.');
      await h.api(rule, { method: 'DELETE' });
    });
  });
}
