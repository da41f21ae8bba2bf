// A legacy user report from Debian's python3-sentry-sdk (examples/python/user_report.py): the
// error and the `user_report` item the SDK's own transport sends become a report attached to
// the error's issue, listed by the API with the event's user, and a feedback issue.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { assertAllAnswered2xx, examplePath, pythonSdkUnavailable, runExample, systemPython } from '../ingest/live-clients/example-apps.test-support.js';
import { startTestServer, type TestServer } from '../testing/index.js';
import { callApi, processed } from './feedback.test-support.js';

const unavailable = pythonSdkUnavailable();

describe('a user report from sentry-python', { skip: unavailable ?? false }, () => {
  let server: TestServer | undefined;
  after(async () => {
    await server?.close();
  });

  it('is attached to the error’s issue, shows the event’s user and becomes a feedback issue', async () => {
    server = await startTestServer();
    const comments = 'The invoice page is blank <script>alert(1)</script>';
    const { summary } = await runExample(systemPython, [examplePath('python/user_report.py')], { SENTRY_DSN: server.workspace.dsn, COMMENTS: comments });
    const statuses = Array.isArray(summary.statuses) ? summary.statuses.map((s) => (typeof s === 'number' ? s : null)) : [];
    assert.equal(statuses.length, 2, `error and report: ${JSON.stringify(summary)}`);
    assertAllAnswered2xx(statuses, 'python');
    await processed(server);
    const api = callApi(server);
    const errorId = String(summary.errorId).replaceAll('-', '');
    const reports = await api<
      { eventID: string; name: string; email: string; comments: string; user: Record<string, unknown> | null; issue: { id: string } | null }[]
    >(`/projects/${server.workspace.org}/${server.workspace.project}/user-reports/`);
    assert.equal(reports.body.length, 1, JSON.stringify(reports.body));
    const report = reports.body[0];
    assert.ok(report);
    assert.equal(report.eventID, errorId);
    assert.equal(report.comments, comments);
    assert.equal(report.name, 'Ann');
    assert.deepEqual(report.user, { id: 'user-7', username: null, email: 'ann@shop.test', name: 'ann@shop.test', ipAddress: null, avatarUrl: null });
    const event = await api<{ groupID: string }>(`/projects/${server.workspace.org}/${server.workspace.project}/events/${errorId}/`);
    assert.equal(report.issue?.id, event.body.groupID);
    const feedback = await api<{ id: string }[]>(`/organizations/${server.workspace.org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`);
    assert.equal(feedback.body.length, 1);
    const shim = await api<{ contexts: { feedback: Record<string, string> } }>(
      `/organizations/${server.workspace.org}/issues/${feedback.body[0]?.id}/events/latest/`,
    );
    assert.deepEqual(
      [shim.body.contexts.feedback.source, shim.body.contexts.feedback.associated_event_id, shim.body.contexts.feedback.message],
      ['user_report_envelope', errorId, comments],
    );
  });
});
