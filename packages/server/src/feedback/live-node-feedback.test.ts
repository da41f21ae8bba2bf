// captureFeedback from the real @sentry/node 11 (examples/node/app.mjs, which also captures the
// error the feedback is about): the feedback becomes a feedback issue whose event links that
// error, whose own issue stays in the default stream.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { assertAllAnswered2xx, examplePath, runExample } from '../ingest/live-clients/example-apps.test-support.js';
import { startTestServer, type TestServer } from '../testing/index.js';
import { callApi, processed } from './feedback.test-support.js';

describe('captureFeedback from @sentry/node 11', () => {
  let server: TestServer | undefined;
  after(async () => {
    await server?.close();
  });

  it('is a feedback issue linked to the error it is about', async () => {
    server = await startTestServer();
    const { summary } = await runExample(process.execPath, [examplePath('node/app.mjs')], {
      SENTRY_DSN: server.workspace.dsn,
      SENTRY_PACKAGE: 'sentry-node-11',
      SENTRY_RELEASE: 'shop@4.2.0',
      SENTRY_ENVIRONMENT: 'staging',
    });
    const sent = Array.isArray(summary.sent) ? summary.sent : [];
    assertAllAnswered2xx(
      sent.map((s) => (typeof s === 'object' && s !== null && !Array.isArray(s) && typeof s.status === 'number' ? s.status : null)),
      'node',
    );
    await processed(server);
    const api = callApi(server);
    const org = server.workspace.org;
    const feedback = await api<{ id: string; title: string; culprit: string; issueCategory: string }[]>(
      `/organizations/${org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`,
    );
    assert.equal(feedback.body.length, 1, JSON.stringify(feedback.body));
    const issue = feedback.body[0];
    assert.ok(issue);
    assert.deepEqual([issue.title, issue.culprit, issue.issueCategory], ['User Feedback', 'user', 'feedback']);
    const event = await api<{
      eventID: string;
      type: string;
      environment: string;
      contexts: { feedback: Record<string, string> };
      occurrence: { type: number };
    }>(`/organizations/${org}/issues/${issue.id}/events/latest/`);
    assert.equal(event.body.eventID, summary.feedbackId);
    assert.equal(event.body.type, 'generic');
    assert.equal(event.body.occurrence.type, 6001);
    assert.equal(event.body.environment, 'staging', 'the SDK’s environment is kept');
    assert.equal(event.body.contexts.feedback.message, 'The checkout button does nothing');
    assert.equal(event.body.contexts.feedback.associated_event_id, summary.errorId);
    const error = await api<{ groupID: string }>(`/projects/${org}/${server.workspace.project}/events/${String(summary.errorId)}/`);
    const stream = await api<{ id: string }[]>(`/organizations/${org}/issues/`);
    assert.ok(
      stream.body.some((i) => i.id === error.body.groupID),
      'the error’s issue is in the default stream',
    );
    assert.ok(!stream.body.some((i) => i.id === issue.id), 'the feedback issue is not');
  });
});
