import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addOrganization, addPerson, apiFetch, assertDetail, explainSkippedPostgres, mintToken, testDialects } from '../../testing/index.js';
import { type AlertHarness, startAlertHarness } from '../alert-harness.test-support.js';
import { CONDITION, FILTER } from '../rules/issue-rule.js';

explainSkippedPostgres();

type PreviewIssue = { id: string; shortId: string; title: string; matchedEvents: number; firings: number; lastFired: string; reasons: string[] };
type Preview = { window: { days: number }; eventsExamined: number; truncated: boolean; firings: number; issueCount: number; issues: PreviewIssue[] };

const minute = 60_000;

for (const dialect of testDialects()) {
  describe(`issue rule preview (${dialect})`, () => {
    let h: AlertHarness;
    let path: string;
    const preview = (body: Record<string, unknown>, query = '') => h.api<Preview>(`${path}${query}`, { method: 'POST', body });
    const byTitle = (p: Preview, title: string) => p.issues.find((i) => i.title === title);

    before(async () => {
      h = await startAlertHarness(dialect);
      path = `/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/rules/preview/`;
      // A busy checkout error (5 events, 3 users, 1 a minute) and a quiet warning, then a regression of the checkout error.
      for (let i = 0; i < 5; i++) {
        await h.send({ message: 'Checkout failed', fingerprint: ['checkout'], tags: { area: 'shop/checkout' }, user: { id: `u${i % 3}` } });
        await h.process();
        h.clock.advance(minute);
      }
      await h.send({ message: 'Slow image', level: 'warning', fingerprint: ['image'], environment: 'staging' });
      await h.process();
      const issues = await h.api<{ id: string; title: string }[]>(`/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/issues/`);
      const checkout = issues.body.find((i) => i.title === 'Checkout failed');
      assert.ok(checkout);
      const resolved = await h.api(`/api/0/organizations/${h.server.workspace.org}/issues/${checkout.id}/`, { method: 'PUT', body: { status: 'resolved' } });
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
      h.clock.advance(minute);
      await h.send({ message: 'Checkout failed', fingerprint: ['checkout'], tags: { area: 'shop/checkout' } });
      await h.process();
    });
    after(() => h.close());

    it('"a new issue is created" would have fired once per new issue', async () => {
      const res = await preview({ conditions: [{ id: CONDITION.firstSeen }] });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.eventsExamined, 7);
      assert.equal(res.body.truncated, false);
      assert.equal(res.body.window.days, 14);
      assert.equal(res.body.issueCount, 2);
      assert.equal(res.body.firings, 2);
      assert.match(byTitle(res.body, 'Checkout failed')?.shortId ?? '', /^[A-Z0-9-]+-\d+$/);
      assert.deepEqual(byTitle(res.body, 'Slow image')?.reasons, ['A new issue was created']);
    });

    it('regressions are replayed from the issue activity', async () => {
      const res = await preview({ conditions: [{ id: CONDITION.regression }] });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.issues.map((i) => [i.title, i.firings]),
        [['Checkout failed', 1]],
      );
    });

    it('frequency triggers count the replayed events, and the action interval limits repeats', async () => {
      const body = { conditions: [{ id: CONDITION.eventFrequency, value: 1, interval: '1h' }], frequency: 5 };
      const res = await preview(body);
      assert.equal(res.status, 200);
      const checkout = byTitle(res.body, 'Checkout failed');
      assert.equal(checkout?.matchedEvents, 6);
      // Fires at the 2nd event (minute 1), is held for 5 minutes, fires again at minute 6 (the regression event).
      assert.equal(checkout?.firings, 2);
      assert.deepEqual(checkout?.reasons, ['Seen more than 1 times in 1 hour']);
      assert.equal(byTitle(res.body, 'Slow image'), undefined, 'one event is not more than one');
      const users = await preview({ conditions: [{ id: CONDITION.userFrequency, value: 2, interval: '1h' }] });
      assert.equal(byTitle(users.body, 'Checkout failed')?.firings, 1, 'the third distinct user arrives at the third event');
    });

    it('filters are the evaluator’s: level, environment, tags (glob)', async () => {
      const any = [{ id: CONDITION.firstSeen }];
      const level = await preview({ conditions: any, filters: [{ id: FILTER.level, match: 'gte', level: 'error' }] });
      assert.deepEqual(
        level.body.issues.map((i) => i.title),
        ['Checkout failed'],
      );
      const env = await preview({ conditions: any, environment: 'staging' });
      assert.deepEqual(
        env.body.issues.map((i) => i.title),
        ['Slow image'],
      );
      const tag = await preview({ conditions: any, filters: [{ id: FILTER.tagged, key: 'area', match: 'glob', value: 'shop/*' }] });
      assert.deepEqual(
        tag.body.issues.map((i) => i.title),
        ['Checkout failed'],
      );
      const none = await preview({ conditions: any, filters: [{ id: FILTER.tagged, key: 'area', match: 'eq', value: 'admin' }] });
      assert.equal(none.body.issueCount, 0);
      assert.deepEqual(none.body.issues, []);
    });

    it('the window is the last `days` days', async () => {
      h.clock.advance(2 * 86_400_000);
      const res = await preview({ conditions: [{ id: CONDITION.firstSeen }] }, '?days=1');
      assert.equal(res.status, 200);
      assert.equal(res.body.eventsExamined, 0);
      h.clock.advance(-2 * 86_400_000);
    });

    it('a metric rule preview replays the state machine over past evaluations', async () => {
      const metricPath = `/api/0/organizations/${h.server.workspace.org}/alert-rules/preview/`;
      const body = { project: h.server.workspace.project, metric: 'error_count', timeWindow: 10, warningThreshold: 1, criticalThreshold: 3 };
      type MetricPreview = {
        stepMinutes: number;
        firings: number;
        points: { at: string; value: number | null; state: string }[];
        transitions: { at: string; type: string; severity?: string; to?: string; value: number }[];
      };
      const res = await h.api<MetricPreview>(`${metricPath}?hours=1`, { method: 'POST', body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.stepMinutes, 1);
      assert.equal(res.body.points.length, 60);
      const last = res.body.points.at(-1);
      // The window ends at now, exclusive, as in the scheduled evaluation: the event received this minute is not in it yet.
      assert.deepEqual([last?.value, last?.state], [6, 'critical']);
      assert.deepEqual(
        res.body.transitions.map((t) => [t.type, t.severity ?? t.to, t.value]),
        [
          ['opened', 'warning', 2],
          ['severity_changed', 'critical', 4],
        ],
      );
      assert.equal(res.body.firings, 1);
      assertDetail(await h.api(metricPath, { method: 'POST', body: { ...body, criticalThreshold: null } }), 400, /criticalThreshold is required/);
      assertDetail(await h.api(metricPath, { method: 'POST', body: { ...body, project: undefined } }), 400, /project is required/);
      assertDetail(await h.api(`${metricPath}?hours=999`, { method: 'POST', body }), 400, /hours must be/);
      assertDetail(await h.api(metricPath, { method: 'POST', body: { ...body, project: 'nope' } }), 404);
    });

    it('bad input is a 400 naming the field; other organizations are 404', async () => {
      assertDetail(await preview({ conditions: [] }), 400, /conditions must have at least one trigger/);
      assertDetail(
        await preview({ conditions: [{ id: CONDITION.eventFrequency, value: 3, interval: '2h' }] }),
        400,
        /conditions\[0\]: interval must be one of/,
      );
      assertDetail(await preview({ conditions: [{ id: CONDITION.firstSeen }], frequency: 1 }), 400, /frequency must be a whole number between 5 and 43200/);
      assertDetail(await preview({ conditions: [{ id: CONDITION.firstSeen }] }, '?days=60'), 400, /days must be/);
      assertDetail(await h.api(path, { method: 'POST', body: [1, 2] }), 400);

      const stranger = await addPerson(h.server, `preview-stranger-${dialect}@alerts.test`);
      const theirs = await addOrganization(h.server, `preview-other-${dialect}`, stranger);
      const token = await mintToken(h.server, stranger, ['project:read', 'org:read']);
      const body = { conditions: [{ id: CONDITION.firstSeen }] };
      assertDetail(await apiFetch(h.server.url, path, { as: { token }, method: 'POST', body }), 404);
      // And the workspace's token cannot preview the other organization's project.
      assertDetail(await h.api(`/api/0/projects/${theirs.org.slug}/${theirs.project.slug}/rules/preview/`, { method: 'POST', body }), 404);
      const metric = { project: theirs.project.slug, metric: 'error_count', criticalThreshold: 1 };
      assertDetail(await h.api(`/api/0/organizations/${theirs.org.slug}/alert-rules/preview/`, { method: 'POST', body: metric }), 404);
      assertDetail(
        await apiFetch(h.server.url, `/api/0/organizations/${h.server.workspace.org}/alert-rules/preview/`, { as: { token }, method: 'POST', body: metric }),
        404,
      );
    });
  });
}
