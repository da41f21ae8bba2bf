// On every database: a cron incident notifies once. An issue alert rule ("a new issue" of
// category cron → a webhook channel) fires when the failure threshold is reached, its message names the failed
// run, when it was expected, the last success and the error event of the run's trace; the next
// failure of the same incident notifies nobody; recovery_threshold ok runs resolve the issue;
// issue search tells the cron issue from the error issue (issue.category, issue.type).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AlertHarness, startAlertHarness } from '../../alert/alert-harness.test-support.js';
import { ACTION, CONDITION, FILTER } from '../../alert/index.js';
import { explainSkippedPostgres, type HttpReceiver, post, startHttpReceiver, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

const minute = 60_000;
const traceId = '5b8efff798038103d269b633813fc60c';
type Delivered = { type: string; alert: { rule: { name: string }; issue: { id: number; shortId: string; title: string; culprit: string } } };

for (const dialect of testDialects()) {
  describe(`cron incident alerts at a real webhook receiver (${dialect})`, () => {
    let h: AlertHarness;
    let hook: HttpReceiver;
    const checkIn = async (p: Record<string, unknown>) => {
      const body = `{}\n{"type":"check_in"}\n${JSON.stringify({ monitor_slug: 'invoice-sync', environment: 'production', ...p })}`;
      const res = await post(h.server, body);
      assert.equal(res.status, 200, await res.text());
    };
    const tick = async () => {
      const ran = await h.server.app.jobs.scheduler.tick();
      assert.ok(ran.includes('monitors.missed-and-timeouts'), ran.join());
      await h.process();
    };
    before(async () => {
      hook = await startHttpReceiver();
      h = await startAlertHarness(dialect);
      const org = h.server.workspace.org;
      const channel = await h.api<{ id: string }>(`/api/0/organizations/${org}/notification-channels/`, {
        method: 'POST',
        body: { name: 'ops hook', type: 'webhook', config: { url: `${hook.url}/hook`, secret: 'a-secret-of-enough-length' } },
      });
      assert.equal(channel.status, 201);
      const rule = await h.api(`/api/0/projects/${org}/${h.server.workspace.project}/rules/`, {
        method: 'POST',
        body: {
          name: 'New issue to ops',
          conditions: [{ id: CONDITION.firstSeen }],
          filters: [{ id: FILTER.issueCategory, value: 'cron' }],
          actions: [{ id: ACTION.channel, channel: channel.body.id }],
          frequency: 5,
        },
      });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
    });
    after(async () => {
      await h.close();
      await hook.close();
    });

    it('notifies once when the threshold is reached, naming the run, its expected time, the last success and its error', async () => {
      const config = { schedule: { type: 'interval', value: 10, unit: 'minute' }, checkin_margin: 2, failure_issue_threshold: 2, recovery_threshold: 2 };
      // 15:00 a good run.
      await checkIn({ check_in_id: 'a'.repeat(32), status: 'ok', duration: 3, monitor_config: config });
      await h.process();
      // 15:12 nothing arrived for the 15:10 run (+2 min margin): missed, the first failure.
      h.clock.advance(12 * minute + 1000);
      await tick();
      assert.equal(hook.requests.length, 0, 'one failure is below failure_issue_threshold 2');
      // 15:15 a late run throws: its error event and its error check-in share the trace.
      h.clock.advance(3 * minute);
      await h.send({ message: 'Invoice sync failed: ledger locked', contexts: { trace: { trace_id: traceId, span_id: 'a1b2c3d4e5f60718' } } });
      await h.process();
      const errorIssue = (
        await h.api<{ shortId: string; title: string }[]>(`/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/issues/?query=`)
      ).body.find((i) => i.title.startsWith('Invoice sync failed'));
      assert.ok(errorIssue);
      const before = hook.requests.length;
      assert.equal(before, 0, 'the rule filters on the cron category: the new error issue does not notify');
      await checkIn({ check_in_id: 'b'.repeat(32), status: 'error', duration: 1, contexts: { trace: { trace_id: traceId } } });
      await h.process();
      await hook.waitFor(before + 1);
      const sent = JSON.parse(hook.requests[before]?.body ?? '{}') as Delivered;
      assert.equal(sent.alert.rule.name, 'New issue to ops');
      assert.equal(sent.alert.issue.title, 'Cron failure: invoice-sync — check-in error');
      const culprit = sent.alert.issue.culprit;
      // The run was due at 15:20: after the missed 15:10 run the schedule moved on.
      assert.match(culprit, new RegExp(`^run ${'b'.repeat(32)} expected 2026-11-21T15:20:00Z`), culprit);
      assert.match(culprit, /last success 2026-11-21T15:00:00Z/);
      assert.match(culprit, new RegExp(`error ${errorIssue.shortId}$`));
      // The next failure of the same incident (a missed run) is another event, no notification.
      h.clock.advance(20 * minute);
      await tick();
      assert.equal(hook.requests.length, before + 1);
      const cron = await h.api<{ status: string; count: string }>(`/api/0/issues/${sent.alert.issue.id}/`);
      assert.equal(cron.body.count, '3', 'missed, error, missed');
      assert.equal(cron.body.status, 'unresolved');
    });

    it('resolves the issue after recovery_threshold ok runs, without another notification', async () => {
      const count = hook.requests.length;
      const list = await h.api<{ id: string; title: string; status: string }[]>(
        `/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/issues/?query=`,
      );
      const cron = list.body.find((i) => i.title.startsWith('Cron failure: invoice-sync'));
      assert.ok(cron);
      for (const [i, expected] of [
        [1, 'unresolved'],
        [2, 'resolved'],
      ] as const) {
        h.clock.advance(minute);
        await checkIn({ check_in_id: String(i).repeat(32), status: 'ok', duration: 2 });
        await h.process();
        assert.equal((await h.api<{ status: string }>(`/api/0/issues/${cron.id}/`)).body.status, expected, `after ${i} ok run(s)`);
      }
      assert.equal(hook.requests.length, count);
    });

    it('issue search finds the cron issue by issue.category:cron and issue.type:monitor_check_in_failure, and only it', async () => {
      const titles = async (query: string) => {
        const res = await h.api<{ title: string; issueCategory: string; issueType: string }[]>(
          `/api/0/organizations/${h.server.workspace.org}/issues/?query=${encodeURIComponent(query)}`,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.map((i) => `${i.issueCategory}/${i.issueType}: ${i.title}`).sort();
      };
      const cron = 'cron/monitor_check_in_failure: Cron failure: invoice-sync — missed check-in';
      const error = 'error/error: Invoice sync failed: ledger locked';
      assert.deepEqual(await titles('issue.category:cron'), [cron]);
      assert.deepEqual(await titles('issue.type:monitor_check_in_failure'), [cron]);
      assert.deepEqual(await titles('issue.category:error'), [error], 'a cron issue is not an error issue');
      assert.deepEqual(await titles('issue.type:error'), [error]);
      assert.deepEqual(await titles('issue.category:[cron, error]'), [cron, error]);
      assert.deepEqual(await titles('!issue.category:cron'), [error]);
      const bad = await h.api<{ detail: string }>(`/api/0/organizations/${h.server.workspace.org}/issues/?query=issue.category:crons`);
      assert.equal(bad.status, 400);
      assert.match(bad.body.detail, /use one of: error, performance, cron/);
    });
  });
}
