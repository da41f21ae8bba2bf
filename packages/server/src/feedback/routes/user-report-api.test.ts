// Legacy user reports through a real server: the `user_report` item, POST and GET
// /user-feedback/ (and /user-reports/) with Sentry's rules, an issue's and the organization's
// reports, the feedback-issue shim, and another organization's caller refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../kernel/index.js';
import {
  addOrganization,
  addPerson,
  assertDetail,
  explainSkippedPostgres,
  mintToken,
  startTestServer,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { callApi, errorEnvelope, ingest, newId, outcomes, userReportEnvelope } from '../feedback.test-support.js';

explainSkippedPostgres();

interface ReportShape {
  id: string;
  eventID: string;
  name: string;
  email: string;
  comments: string;
  dateCreated: string;
  user: Record<string, unknown> | null;
  event: { id: string; eventID: string };
  issue?: { id: string; shortId: string; issueCategory: string } | null;
}

const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`user reports (${dialect})`, () => {
    let server: TestServer;
    let api: ReturnType<typeof callApi>;
    let path: string;
    const clock = createManualClock(Date.now());

    before(async () => {
      server = await startTestServer({ dialect, clock });
      api = callApi(server);
      path = `/projects/${server.workspace.org}/${server.workspace.project}/user-feedback/`;
    });
    after(async () => {
      await server?.close();
    });

    const issueOf = async (eventId: string) => {
      const row = await server.store.db.selectFrom('events').select('issue_id').where('event_id', '=', eventId).executeTakeFirst();
      return row?.issue_id ?? null;
    };
    const feedbackSources = async () => {
      const res = await api<{ id: string }[]>(`/organizations/${server.workspace.org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`);
      const events = await Promise.all(
        res.body.map((i) => api<{ contexts: { feedback: Record<string, string> } }>(`/organizations/${server.workspace.org}/issues/${i.id}/events/latest/`)),
      );
      return events.map((e) => e.body.contexts.feedback);
    };

    it('a user_report item waits for its event, is linked to its issue when it comes, and is shimmed into a feedback issue', async () => {
      const eventId = newId();
      await ingest(server, userReportEnvelope({ event_id: eventId, name: 'Jane Doe', email: 'jane@example.com', comments: 'It broke <b>twice</b>' }));
      const waiting = await api<ReportShape[]>(path);
      assert.equal(waiting.status, 200);
      assert.deepEqual(waiting.body, [], 'a report is listed once it is attached to an issue');
      await ingest(server, errorEnvelope(eventId, { user: { id: '42', email: 'jane@shop.test', username: 'jane', ip_address: '10.1.2.3' } }));
      const listed = await api<ReportShape[]>(path);
      assert.equal(listed.body.length, 1);
      const report = listed.body[0];
      assert.ok(report);
      assert.deepEqual(Object.keys(report).sort(), ['comments', 'dateCreated', 'email', 'event', 'eventID', 'id', 'issue', 'name', 'user']);
      assert.equal(report.eventID, eventId);
      assert.deepEqual(report.event, { id: eventId, eventID: eventId });
      assert.equal(report.comments, 'It broke <b>twice</b>', 'HTML is kept as text');
      assert.equal(report.issue?.id, String(await issueOf(eventId)));
      assert.equal(report.issue?.issueCategory, 'error');
      assert.deepEqual(report.user, { id: '42', username: 'jane', email: 'jane@shop.test', name: 'jane', ipAddress: '10.1.2.3', avatarUrl: null });
      const shim = (await feedbackSources()).find((f) => f.associated_event_id === eventId);
      assert.equal(shim?.source, 'user_report_envelope');
      assert.equal(shim?.message, 'It broke <b>twice</b>');
      assert.equal(shim?.contact_email, 'jane@example.com');
      assert.equal(shim?.name, 'Jane Doe');
    });

    it('POST with a token answers the report; with a DSN an empty 200; GET refuses DSN credentials', async () => {
      const eventId = newId();
      await ingest(server, errorEnvelope(eventId));
      const res = await api<ReportShape>(path, { method: 'POST', body: { event_id: eventId, name: 'Ann', email: 'ann@example.com', comments: 'Slow page' } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.eventID, eventId);
      assert.equal(res.body.comments, 'Slow page');
      assert.equal(res.body.issue?.id, String(await issueOf(eventId)));
      assert.equal((await feedbackSources()).find((f) => f.associated_event_id === eventId)?.source, 'user_report_sentry_django_endpoint');

      const viaDsn = await fetch(`${server.url}/api/0${path.replace('user-feedback', 'user-reports')}`, {
        method: 'POST',
        headers: { authorization: `DSN ${server.workspace.dsn}`, 'content-type': 'application/json' },
        body: JSON.stringify({ event_id: newId(), name: 'Bo', email: 'bo@example.com', comments: 'Via DSN' }),
      });
      assert.equal(viaDsn.status, 200);
      assert.equal(await viaDsn.text(), '');
      const listWithDsn = await fetch(`${server.url}/api/0${path}`, { headers: { authorization: `DSN ${server.workspace.dsn}` } });
      assert.equal(listWithDsn.status, 401);
      const wrongDsn = await fetch(`${server.url}/api/0${path}`, {
        method: 'POST',
        headers: { authorization: `DSN http://${'0'.repeat(32)}@127.0.0.1/${server.workspace.projectId}`, 'content-type': 'application/json' },
        body: JSON.stringify({ event_id: newId(), name: 'Bo', email: 'bo@example.com', comments: 'Via DSN' }),
      });
      assert.equal(wrongDsn.status, 401);
    });

    it('refuses bad fields with 400 and the field named', async () => {
      const ok = { event_id: newId(), name: 'Ann', email: 'ann@example.com', comments: 'Slow page' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...ok, email: 'not-an-address' }, 'email'],
        [{ ...ok, email: `${'a'.repeat(70)}@example.com` }, 'email'],
        [{ ...ok, name: 'n'.repeat(129) }, 'name'],
        [{ ...ok, comments: 'c'.repeat(4097) }, 'comments'],
        [{ ...ok, comments: undefined }, 'comments'],
        [{ ...ok, event_id: 'xyz' }, 'event_id'],
      ];
      for (const [body, field] of cases) {
        const res = await api<Record<string, unknown>>(path, { method: 'POST', body });
        assertDetail(res, 400, new RegExp(`^${field}:`), field);
        assert.ok(Array.isArray(res.body[field]), JSON.stringify(res.body));
      }
      const notJson = await fetch(`${server.url}/api/0${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.workspace.token}`, 'content-type': 'application/json' },
        body: '{nope',
      });
      assert.equal(notJson.status, 400);
    });

    it('the two conflicts: an event older than 30 minutes, and a second report after 5 minutes; within 5 minutes it overwrites', async () => {
      const old = newId();
      await ingest(server, errorEnvelope(old, { timestamp: (clock.now() - 31 * MINUTE) / 1000 }));
      const tooOld = await api(path, { method: 'POST', body: { event_id: old, name: 'Ann', email: 'ann@example.com', comments: 'late' } });
      assertDetail(tooOld, 409, /30 minutes/);

      const eventId = newId();
      await ingest(server, errorEnvelope(eventId));
      const body = { event_id: eventId, name: 'Ann', email: 'ann@example.com', comments: 'first words' };
      assert.equal((await api(path, { method: 'POST', body })).status, 200);
      clock.advance(4 * MINUTE);
      const second = await api<ReportShape>(path, { method: 'POST', body: { ...body, comments: 'second words' } });
      assert.equal(second.status, 200);
      assert.equal(second.body.comments, 'second words');
      clock.advance(2 * MINUTE);
      const third = await api(path, { method: 'POST', body: { ...body, comments: 'third words' } });
      assertDetail(third, 409, /cannot be modified/);
      const stored = await server.store.db.selectFrom('user_reports').select('comments').where('event_id', '=', eventId).execute();
      assert.deepEqual(stored, [{ comments: 'second words' }]);

      // The same rule for envelope items: the conflict is an invalid outcome, nothing is overwritten.
      await ingest(server, userReportEnvelope({ ...body, comments: 'via envelope' }));
      const reasons = (await outcomes(server)).filter((o) => o.outcome === 'invalid').map((o) => o.reason);
      assert.ok(reasons.includes('user_report_conflict'), JSON.stringify(reasons));
    });

    it('status, environment and pagination with a Link header; the issue and organization lists', async () => {
      const bad = await api<Record<string, unknown>>(`${path}?status=resolved`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.status, 'Invalid status choice');

      const all = await api<ReportShape[]>(`${path}?status=`);
      const unresolved = await api<ReportShape[]>(path);
      assert.equal(all.body.length, unresolved.body.length, 'every issue is unresolved so far');
      const first = unresolved.body[0];
      assert.ok(first?.issue);
      const resolve = await api(`/organizations/${server.workspace.org}/issues/${first.issue.id}/`, { method: 'PUT', body: { status: 'resolved' } });
      assert.equal(resolve.status, 200);
      assert.equal((await api<ReportShape[]>(path)).body.length, unresolved.body.length - 1, 'the resolved issue’s report left the default list');
      assert.equal((await api<ReportShape[]>(`${path}?status=`)).body.length, all.body.length);

      const page1 = await api<ReportShape[]>(`${path}?status=&per_page=2`);
      assert.equal(page1.body.length, 2);
      const link = page1.headers.get('link') ?? '';
      assert.match(link, /rel="next"; results="true"; cursor="([^"]+)"/);
      const cursor = /rel="next"; results="true"; cursor="([^"]+)"/.exec(link)?.[1] ?? '';
      const page2 = await api<ReportShape[]>(`${path}?status=&per_page=2&cursor=${encodeURIComponent(cursor)}`);
      const ids = [...page1.body, ...page2.body].map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, 'pages do not overlap');
      assert.ok(ids.length <= all.body.length);
      const dates = all.body.map((r) => r.dateCreated);
      assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');

      const byIssue = await api<ReportShape[]>(`/organizations/${server.workspace.org}/issues/${first.issue.id}/user-reports/?per_page=25`);
      assert.equal(byIssue.status, 200);
      assert.deepEqual(
        byIssue.body.map((r) => r.id),
        [first.id],
      );
      assert.equal('issue' in (byIssue.body[0] ?? {}), false, 'no issue key on an issue’s own reports');
      const orgWide = await api<ReportShape[]>(`/organizations/${server.workspace.org}/user-feedback/?status=&project=${server.workspace.projectId}`);
      assert.equal(orgWide.body.length, all.body.length);
      const envFiltered = await api<ReportShape[]>(`${path}?status=&environment=nowhere`);
      assert.deepEqual(envFiltered.body, []);
    });

    it("another organization's caller gets 404 for the project, its issues and its attachments", async () => {
      const outsider = await addPerson(server, `outsider-${dialect}@example.com`);
      await addOrganization(server, `other-${dialect}`, outsider);
      const theirs = callApi(server, await mintToken(server, outsider, ['project:read', 'project:write', 'event:read', 'org:read']));
      const report = (await api<ReportShape[]>(`${path}?status=`)).body[0];
      assert.ok(report?.issue);
      for (const p of [
        path,
        `/organizations/${server.workspace.org}/issues/${report.issue.id}/user-reports/`,
        `/organizations/${server.workspace.org}/user-feedback/`,
        `/projects/${server.workspace.org}/${server.workspace.project}/events/${report.eventID}/attachments/`,
      ]) {
        assert.equal((await theirs(p)).status, 404, p);
      }
      const post = await theirs(path, { method: 'POST', body: { event_id: newId(), name: 'Eve', email: 'eve@example.com', comments: 'hi' } });
      assert.equal(post.status, 404);
    });
  });
}
