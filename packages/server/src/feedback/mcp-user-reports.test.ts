// The real Sentry MCP server (@sentry/mcp-server 0.39, over stdio) reading an issue's user
// reports with `get_issue_user_reports` (reached through `execute_sentry_tool`): its zod schema
// refuses anything but Sentry's user-report shape (a non-null `user` needs all six keys), so an
// answer at all is part of what is tested; then the reporter and comments it prints, and paging.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, type McpSession, startMcpSession, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { callApi, errorEnvelope, feedbackEnvelope, ingest, newId, userReportEnvelope } from './feedback.test-support.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`the Sentry MCP server reads an issue's user reports (${dialect})`, () => {
    let server: TestServer;
    let mcp: McpSession;
    let shortId: string;
    const lonely = newId();
    let ids: string[] = [];
    const ids2 = () => ids[2] ?? '';

    before(async () => {
      server = await startTestServer({ dialect });
      const api = callApi(server);
      ids = [newId(), newId(), newId()];
      // Three events of one issue (same exception), one user report each; one event has a user.
      for (const [i, id] of ids.entries()) {
        await ingest(server, errorEnvelope(id, i === 0 ? { user: { id: 'u-1', email: 'ann@shop.test', username: 'ann' } } : {}));
      }
      const issueIds = await server.store.db.selectFrom('events').select('issue_id').where('event_id', 'in', ids).execute();
      assert.equal(new Set(issueIds.map((r) => r.issue_id)).size, 3, 'the helper makes one issue per event');
      // Reports on the first issue only: by envelope, by the API, and one on another issue.
      await ingest(server, userReportEnvelope({ event_id: ids[0], name: 'Ann', email: 'ann@example.com', comments: 'Checkout froze' }));
      const issue = await server.store.db
        .selectFrom('events')
        .select('issue_id')
        .where('event_id', '=', ids[0] ?? '')
        .executeTakeFirstOrThrow();
      const json = await api<{ shortId: string }>(`/organizations/${server.workspace.org}/issues/${issue.issue_id}/`);
      shortId = json.body.shortId;
      await ingest(server, userReportEnvelope({ event_id: ids[1], name: 'Bo', email: 'bo@example.com', comments: 'Another issue' }));
      await ingest(server, feedbackEnvelope({ message: 'Search shows nothing for "shoes"', email: 'cy@example.com', associatedEventId: ids[2] }));
      await ingest(server, errorEnvelope(lonely));
      mcp = await startMcpSession(server);
    });
    after(async () => {
      await mcp?.close();
      await server?.close();
    });

    it('get_issue_user_reports prints each report of the issue with its reporter and words', async () => {
      const text = await mcp.execute('get_issue_user_reports', { organizationSlug: server.workspace.org, issueId: shortId });
      assert.ok(text.includes(`# Issue User Reports for Issue ${shortId} in **${server.workspace.org}**`), text);
      assert.ok(text.includes('by Ann:\n  - "Checkout froze"'), text);
      assert.ok(!text.includes('Another issue'), 'only this issue’s reports');
      assert.ok(!text.includes('More user reports are available'), text);
    });

    it('get_issue_details reads a feedback issue and its event (an issue-platform `generic` event)', async () => {
      const api = callApi(server);
      const list = await api<{ shortId: string; metadata: { value: string } }[]>(
        `/organizations/${server.workspace.org}/issues/?query=${encodeURIComponent('issue.category:feedback')}`,
      );
      const feedback = list.body.find((i) => i.metadata.value === 'Search shows nothing for "shoes"');
      assert.ok(feedback, JSON.stringify(list.body));
      const text = await mcp.execute('get_issue_details', { organizationSlug: server.workspace.org, issueId: feedback.shortId });
      assert.ok(text.includes(`# Issue ${feedback.shortId} in **${server.workspace.org}**`), text);
      assert.ok(text.includes('User Feedback'), text);
      assert.ok(text.includes('Search shows nothing'), text);
    });

    it('new-style feedback about an error shows among that issue’s reports', async () => {
      const about = await server.store.db.selectFrom('events').select('issue_id').where('event_id', '=', ids2()).executeTakeFirstOrThrow();
      const text = await mcp.execute('get_issue_user_reports', { organizationSlug: server.workspace.org, issueId: String(about.issue_id) });
      assert.ok(text.includes('by cy@example.com:\n  - "Search shows nothing for "shoes""'), text);
    });

    it('an issue without reports says so', async () => {
      const other = await server.store.db.selectFrom('events').select('issue_id').where('event_id', '=', lonely).executeTakeFirstOrThrow();
      const text = await mcp.execute('get_issue_user_reports', { organizationSlug: server.workspace.org, issueId: String(other.issue_id) });
      assert.ok(text.includes('No issue user reports found for this issue.'), text);
    });
  });
}
