// An issue's activity and notes as Sentry's API answers them, and as the real Sentry MCP server
// (`get_issue_activity`, `add_issue_note`) reads and writes them; another organization's
// member and a read-only token are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  addOrganization,
  addPerson,
  apiFetch,
  assertDetail,
  explainSkippedPostgres,
  type McpSession,
  mintToken,
  startMcpSession,
  type TestServer,
  testDialects,
} from '../../testing/index.js';
import { allIssues, CAPTURES, drain, type IssueSummary, sendCapture, startIssueServer } from './issue-api.test-support.js';

explainSkippedPostgres();

interface Activity {
  id: string;
  type: string;
  data: Record<string, unknown>;
  dateCreated: string;
  user: { id: string; email: string | null } | null;
}

for (const dialect of testDialects()) {
  describe(`issue activity and notes (${dialect})`, () => {
    let server: TestServer;
    let issue: IssueSummary;
    let mcp: McpSession;
    const as = () => ({ token: server.workspace.token });
    const base = () => `/api/0/organizations/${server.workspace.org}/issues/${issue.id}`;

    before(async () => {
      server = await startIssueServer(dialect);
      await sendCapture(server, CAPTURES.python);
      await drain(server);
      [issue] = (await allIssues(server)) as [IssueSummary];
      mcp = await startMcpSession(server);
    });
    after(async () => {
      await mcp?.close();
      await server?.close();
    });

    it('a note is an activity of type note: posted, listed newest first, and in the activity', async () => {
      const first = await apiFetch<Activity>(server.url, `${base()}/notes/`, {
        method: 'POST',
        as: as(),
        body: { text: '  Looks like the cart is empty on retry  ' },
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.type, 'note');
      assert.equal(first.body.data.text, 'Looks like the cart is empty on retry');
      assert.match(first.body.dateCreated, /^\d{4}-\d\d-\d\dT.*Z$/);
      assert.ok(first.body.user !== null);
      await apiFetch(server.url, `/api/0/issues/${issue.id}/`, { method: 'PUT', as: as(), body: { status: 'resolved' } });
      const second = await apiFetch<Activity>(server.url, `/api/0/issues/${issue.id}/notes/`, { method: 'POST', as: as(), body: { text: 'Fixed in #412' } });
      assert.equal(second.status, 201);

      const notes = await apiFetch<Activity[]>(server.url, `${base()}/notes/`, { as: as() });
      assert.deepEqual(
        notes.body.map((n) => n.data.text),
        ['Fixed in #412', 'Looks like the cart is empty on retry'],
      );
      const activity = await apiFetch<{ activity: Activity[] }>(server.url, `${base()}/activities/`, { as: as() });
      assert.deepEqual(activity.body.activity.map((a) => a.type).slice(0, 3), ['note', 'set_resolved', 'note']);
      const paged = await apiFetch<Activity[]>(server.url, `${base()}/notes/?per_page=1`, { as: as() });
      assert.equal(paged.body.length, 1);
      assert.match(paged.headers.get('link') ?? '', /rel="next"; results="true"/);
    });

    it('refuses an empty note, an oversized one and the same note twice in a row', async () => {
      for (const body of [{}, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(10_001) }]) {
        const res = await apiFetch(server.url, `${base()}/notes/`, { method: 'POST', as: as(), body });
        assertDetail(res, 400, undefined, JSON.stringify(body).slice(0, 40));
      }
      const again = await apiFetch(server.url, `${base()}/notes/`, { method: 'POST', as: as(), body: { text: 'Fixed in #412' } });
      assertDetail(again, 400, /already posted/);
    });

    it('only the author deletes a note; others, other organizations and read-only tokens are refused', async () => {
      const notes = await apiFetch<Activity[]>(server.url, `${base()}/notes/`, { as: as() });
      const note = notes.body[0] as Activity;
      const colleague = await addPerson(server, `colleague-${dialect}@example.com`, { [server.workspace.org]: 'admin' });
      const colleagueToken = await mintToken(server, colleague, ['event:read', 'event:write']);
      assert.equal((await apiFetch(server.url, `${base()}/notes/${note.id}/`, { method: 'DELETE', as: { token: colleagueToken } })).status, 404);

      const reader = await mintToken(server, colleague, ['event:read']);
      const post = await apiFetch(server.url, `${base()}/notes/`, { method: 'POST', as: { token: reader }, body: { text: 'hi' } });
      assert.equal(post.status, 403);

      const stranger = await addPerson(server, `stranger-${dialect}@example.com`);
      const other = await addOrganization(server, `other-${dialect}`, stranger);
      const strangerToken = await mintToken(server, stranger, ['event:read', 'event:write'], other.org);
      assert.equal((await apiFetch(server.url, `/api/0/issues/${issue.id}/notes/`, { as: { token: strangerToken } })).status, 404);
      assert.equal(
        (await apiFetch(server.url, `/api/0/organizations/${other.org.slug}/issues/${issue.id}/activities/`, { as: { token: strangerToken } })).status,
        404,
      );

      assert.equal((await apiFetch(server.url, `${base()}/notes/${note.id}/`, { method: 'DELETE', as: as() })).status, 204);
      const left = await apiFetch<Activity[]>(server.url, `${base()}/notes/`, { as: as() });
      assert.ok(!left.body.some((n) => n.id === note.id));
    });

    it('an issue links to no external tracker (Faultline has no such integration)', async () => {
      const res = await apiFetch<unknown[]>(server.url, `${base()}/external-issues/`, { as: as() });
      assert.deepEqual([res.status, res.body], [200, []]);
    });

    it('the MCP server adds a note and reads the activity back', async () => {
      const added = await mcp.execute('add_issue_note', { organizationSlug: server.workspace.org, issueId: issue.shortId, text: 'Rolled back 2.4.1' });
      assert.match(added, /Rolled back 2\.4\.1/);
      const activity = await mcp.execute('get_issue_activity', { organizationSlug: server.workspace.org, issueId: issue.shortId });
      assert.match(activity, /Rolled back 2\.4\.1/);
      assert.match(activity, /resolved/i);
    });

    it('dashboards: an empty list and a clean not-found, for the MCP server too', async () => {
      const list = await apiFetch<unknown[]>(server.url, `/api/0/organizations/${server.workspace.org}/dashboards/`, { as: as() });
      assert.deepEqual([list.status, list.body], [200, []]);
      const one = await apiFetch(server.url, `/api/0/organizations/${server.workspace.org}/dashboards/1/`, { as: as() });
      assertDetail(one, 404, /no dashboards/);
      const text = await mcp.execute('find_dashboards', { organizationSlug: server.workspace.org });
      assert.doesNotMatch(text, /error/i);
    });
  });
}
