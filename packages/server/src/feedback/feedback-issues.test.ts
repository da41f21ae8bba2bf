// New-style feedback end to end through a real server: `feedback` envelope items become feedback
// issues (one each, category `feedback`, kept out of the default stream), with Sentry's event
// adjustments, their screenshots stored within the limits, and bad input counted as outcomes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadIngestCaptures } from '../ingest/captures.test-support.js';
import { explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { callApi, errorEnvelope, feedbackEnvelope, ingest, newId, outcomes, processed, userReportEnvelope } from './feedback.test-support.js';

explainSkippedPostgres();

interface IssueShape {
  id: string;
  title: string;
  culprit: string;
  issueType: string;
  issueCategory: string;
  metadata: Record<string, unknown>;
  level: string;
}
interface EventShape {
  eventID: string;
  groupID: string;
  message: string;
  contexts: Record<string, Record<string, unknown>>;
  tags: { key: string; value: string }[];
  user: { email?: string } | null;
  environment?: string;
}

for (const dialect of testDialects()) {
  describe(`feedback items become feedback issues (${dialect})`, () => {
    let server: TestServer;
    let api: ReturnType<typeof callApi>;
    let org: string;
    const errorId = newId();
    const replayId = newId();
    const traceId = newId();
    const first = newId();
    const second = newId();

    before(async () => {
      server = await startTestServer({
        dialect,
        env: { FAULTLINE_FEEDBACK_MAX_ATTACHMENT_BYTES: '2048', FAULTLINE_FEEDBACK_MAX_ATTACHMENTS_BYTES: '3072' },
      });
      api = callApi(server);
      org = server.workspace.org;
      await ingest(server, errorEnvelope(errorId, { environment: 'staging' }));
      await ingest(
        server,
        feedbackEnvelope({
          eventId: first,
          email: 'jane@example.com',
          name: 'Jane',
          associatedEventId: errorId,
          replayId,
          traceId,
          message: 'The pay button does nothing',
        }),
      );
      await ingest(server, feedbackEnvelope({ eventId: second, message: 'The pay button does nothing', environment: 'staging', level: 'warning' }));
    });
    after(async () => {
      await server?.close();
    });

    const feedbackIssues = async () => {
      const res = await api<IssueShape[]>(`/organizations/${org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };

    it('every feedback is its own issue: User Feedback, culprit user, category feedback, the message as value', async () => {
      const issues = await feedbackIssues();
      assert.equal(issues.length, 2, 'two feedbacks with the same message are two issues');
      for (const issue of issues) {
        assert.equal(issue.title, 'User Feedback');
        assert.equal(issue.culprit, 'user');
        assert.equal(issue.issueCategory, 'feedback');
        assert.equal(issue.issueType, 'feedback');
        assert.equal(issue.metadata.value, 'The pay button does nothing');
      }
      assert.deepEqual(issues.map((i) => i.level).sort(), ['info', 'warning'], 'level from the event, info by default');
    });

    it('feedback issues stay out of the default stream and out of issue.category:error', async () => {
      for (const query of ['', 'is:unresolved', 'issue.category:error']) {
        const res = await api<IssueShape[]>(`/organizations/${org}/issues/?query=${encodeURIComponent(query)}`);
        assert.equal(res.status, 200);
        assert.deepEqual(
          res.body.map((i) => i.issueCategory),
          ['error'],
          `query "${query}"`,
        );
      }
      const byType = await api<IssueShape[]>(`/organizations/${org}/issues/?query=${encodeURIComponent('issue.type:feedback')}`);
      assert.equal(byType.body.length, 2);
    });

    it("the event gets Sentry's adjustments and links its error event, that error's issue and the replay", async () => {
      const issues = await feedbackIssues();
      const events = await Promise.all(issues.map((i) => api<EventShape>(`/organizations/${org}/issues/${i.id}/events/latest/`)));
      const linked = events.find((e) => e.body.eventID === first)?.body;
      assert.ok(linked, JSON.stringify(events.map((e) => e.body.eventID)));
      const feedback = linked.contexts.feedback ?? {};
      assert.equal(feedback.message, 'The pay button does nothing');
      assert.equal(feedback.associated_event_id, errorId);
      assert.equal(feedback.source, 'new_feedback_envelope');
      assert.equal(linked.contexts.replay?.replay_id, replayId, 'contexts.replay.replay_id filled from the feedback');
      assert.equal(linked.message, 'The pay button does nothing', 'logentry carries the message');
      assert.equal(linked.user?.email, 'jane@example.com', 'user.email defaults to the contact e-mail');
      const tags = new Map(linked.tags.map((t) => [t.key, t.value]));
      assert.equal(tags.get('user.email'), 'jane@example.com');
      assert.equal(tags.get('trace.id'), traceId);
      assert.equal(tags.get('environment'), 'production', 'environment defaults to production');
      const other = events.find((e) => e.body.eventID === second)?.body;
      assert.equal(new Map(other?.tags.map((t) => [t.key, t.value])).get('environment'), 'staging');
      // The associated error is one request away, with its own issue.
      const error = await api<EventShape>(`/projects/${org}/${server.workspace.project}/events/${errorId}/`);
      assert.equal(error.status, 200);
      const errorIssue = await api<IssueShape>(`/organizations/${org}/issues/${error.body.groupID}/`);
      assert.equal(errorIssue.body.issueCategory, 'error');
      // And back: the feedback about an error, and about a replay, by tag.
      for (const query of [`associated_event_id:${errorId}`, `replayId:${replayId}`]) {
        const about = await api<IssueShape[]>(`/organizations/${org}/issues/?query=${encodeURIComponent(`issue.category:feedback ${query}`)}`);
        assert.deepEqual(
          about.body.map((i) => i.id),
          [issues.find((i) => events.find((e) => e.body.eventID === first)?.body.groupID === i.id)?.id],
          query,
        );
      }
    });

    it('feedback about an error is also a user report on that error’s issue; feedback about nothing is not', async () => {
      const error = await api<EventShape>(`/projects/${org}/${server.workspace.project}/events/${errorId}/`);
      const reports = await api<{ eventID: string; name: string; email: string; comments: string }[]>(
        `/organizations/${org}/issues/${error.body.groupID}/user-reports/`,
      );
      assert.equal(reports.status, 200);
      assert.deepEqual(
        reports.body.map((r) => [r.eventID, r.name, r.email, r.comments]),
        [[errorId, 'Jane', 'jane@example.com', 'The pay button does nothing']],
      );
      const all = await api<{ eventID: string }[]>(`/projects/${org}/${server.workspace.project}/user-feedback/?status=`);
      assert.deepEqual(
        all.body.map((r) => r.eventID),
        [errorId],
        'the feedback that names no error made no report',
      );
    });

    it('screenshots in the same envelope are stored within the limits; oversize ones are invalid outcomes', async () => {
      const eventId = newId();
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1492, 7)]);
      await ingest(
        server,
        feedbackEnvelope({
          eventId,
          attachments: [
            { filename: 'screenshot.png', contentType: 'image/png', bytes: png },
            { filename: 'huge.png', contentType: 'image/png', bytes: Buffer.alloc(3000, 1) },
            { filename: 'second.png', contentType: 'image/png', bytes: Buffer.alloc(1600, 2) },
          ],
        }),
      );
      const base = `/projects/${org}/${server.workspace.project}/events/${eventId}/attachments/`;
      const list = await api<{ id: string; name: string; mimetype: string; size: number; type: string; sha1: string }[]>(base);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.map((a) => [a.name, a.mimetype, a.size, a.type]),
        [['screenshot.png', 'image/png', png.length, 'event.attachment']],
      );
      const one = list.body[0];
      assert.ok(one);
      const download = await fetch(`${server.url}/api/0${base}${one.id}/?download=1`, { headers: { authorization: `Bearer ${server.workspace.token}` } });
      assert.equal(download.status, 200);
      assert.ok(Buffer.from(await download.arrayBuffer()).equals(png), 'the bytes come back as sent');
      assert.equal(download.headers.get('content-type'), 'image/png');
      assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="screenshot.png"$/);
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      const reasons = (await outcomes(server)).filter((o) => o.outcome === 'invalid').map((o) => o.reason);
      assert.ok(reasons.includes('attachment_too_large'), JSON.stringify(reasons));
      assert.ok(reasons.includes('attachments_too_large'), JSON.stringify(reasons));
      const missing = await api(`/projects/${org}/${server.workspace.project}/events/${eventId}/attachments/999999/?download=1`);
      assert.equal(missing.status, 404);
    });

    it('a blank message is an invalid outcome; a 100 KB message is kept, cut to 4096 characters; HTML stays text', async () => {
      const before = await feedbackIssues();
      await ingest(server, feedbackEnvelope({ message: '   ' }));
      await ingest(server, feedbackEnvelope({ message: 42 }));
      const reasons = (await outcomes(server)).filter((o) => o.category === 'feedback' && o.outcome === 'invalid').map((o) => [o.reason, o.quantity]);
      assert.deepEqual(reasons, [['empty_feedback_message', 2]]);
      assert.equal((await feedbackIssues()).length, before.length, 'no issue for blank feedback');

      const long = `<img src=x onerror="alert(1)">${'x'.repeat(100_000)}`;
      const id = newId();
      await ingest(server, feedbackEnvelope({ eventId: id, message: long }));
      const issues = await feedbackIssues();
      const event = (await Promise.all(issues.map((i) => api<EventShape>(`/organizations/${org}/issues/${i.id}/events/latest/`)))).find(
        (e) => e.body.eventID === id,
      )?.body;
      assert.ok(event);
      assert.equal(event.contexts.feedback?.message, long.slice(0, 4096));
    });

    it('every item ends in exactly one outcome: the counts balance per data category', async () => {
      const totals = async () => {
        const out = new Map<string, number>();
        for (const o of await outcomes(server))
          out.set(`${o.category}/${o.outcome}/${o.reason ?? ''}`, (out.get(`${o.category}/${o.outcome}/${o.reason ?? ''}`) ?? 0) + o.quantity);
        return out;
      };
      const before = await totals();
      const eventId = newId();
      await ingest(
        server,
        feedbackEnvelope({
          eventId,
          attachments: [
            { filename: 'a.png', contentType: 'image/png', bytes: Buffer.alloc(100, 1) },
            { filename: 'b.png', contentType: 'image/png', bytes: Buffer.alloc(2500, 2) },
          ],
        }),
      );
      await ingest(server, feedbackEnvelope({ eventId, message: 'a retried envelope' }));
      await ingest(server, userReportEnvelope({ event_id: newId(), name: 'Ann', email: 'ann@example.com', comments: 'ok' }));
      await ingest(server, userReportEnvelope({ event_id: newId(), name: 'Ann', email: 'not an address', comments: 'bad' }));
      const after = await totals();
      const delta = [...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v !== 0);
      const of = (prefix: string) => Object.fromEntries(delta.filter(([k]) => k.startsWith(prefix)));
      assert.deepEqual(of('feedback/'), { 'feedback/accepted/': 1, 'feedback/filtered/duplicate': 1 });
      assert.deepEqual(of('attachment/'), { 'attachment/accepted/': 100, 'attachment/invalid/attachment_too_large': 2500 });
      assert.deepEqual(of('default/'), { 'default/accepted/': 1, 'default/invalid/invalid_user_report_email': 1 });
    });

    it("the Node SDK's captured feedback envelope (sentry-node 11 and 8) becomes a feedback issue", async () => {
      const captures = loadIngestCaptures().filter((c) => /sentry-node-(11\.12\.0\/028|8\.55\.2\/025)-feedback--envelope-feedback/.test(c.name));
      assert.equal(captures.length, 2);
      for (const capture of captures) {
        const res = await post(server, capture.body);
        assert.equal(res.status, 200, capture.name);
      }
      await processed(server);
      const issues = await feedbackIssues();
      const messages = await Promise.all(issues.map((i) => api<EventShape>(`/organizations/${org}/issues/${i.id}/events/latest/`)));
      const fromSdk = messages.filter((m) => m.body.contexts.feedback?.message === 'The checkout button does nothing');
      assert.equal(fromSdk.length, 2, 'both SDK generations');
      for (const m of fromSdk) assert.equal(new Map(m.body.tags.map((t) => [t.key, t.value])).get('user.email'), 'jane@example.com');
    });
  });
}
