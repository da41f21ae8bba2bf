// The real Sentry MCP server (@sentry/mcp-server 0.39, over stdio) searching the logs a real
// @sentry/node 11 sent (capture 033: Sentry.logger.info / warn(fmt) / error), replayed through
// the real ingest endpoint. What an assistant reads is the tool's text, so that is asserted,
// against the lines the SDK sent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { loadIngestCaptures } from '../ingest/captures.test-support.js';
import { drain, startIssueServer } from '../issues/routes/issue-api.test-support.js';
import { createManualClock } from '../kernel/index.js';
import { CAPTURE_TIME, replayCaptures } from '../performance/traces/trace-captures.test-support.js';
import { explainSkippedPostgres, type McpSession, startMcpSession, type TestServer, testDialects } from '../testing/index.js';

explainSkippedPostgres();

/** The log lines of capture 033 as the SDK sent them. */
function sentLines(): JsonObject[] {
  const capture = loadIngestCaptures().find((c) => c.name.startsWith('sentry-node-11.12.0/033-'));
  assert.ok(capture, 'capture 033 (logs) is in the fixtures');
  const lines = capture.body.toString('utf8').split('\n');
  const payload = JSON.parse(lines[2] ?? '{}') as { items: JsonObject[] };
  return payload.items;
}

for (const dialect of testDialects()) {
  describe(`the Sentry MCP server searches logs (${dialect})`, () => {
    let server: TestServer;
    let mcp: McpSession;
    const sent = sentLines();

    before(async () => {
      server = await startIssueServer(dialect, { clock: createManualClock(CAPTURE_TIME) });
      await replayCaptures(server, ['033'], server.workspace.projectId);
      await drain(server);
      mcp = await startMcpSession(server);
    });
    after(async () => {
      await mcp?.close();
      await server?.close();
    });

    it('search_events with dataset logs prints every line the SDK sent, with its severity and trace', async () => {
      const text = await mcp.call('search_events', { organizationSlug: server.workspace.org, dataset: 'logs', query: '', limit: 10 });
      assert.match(text, new RegExp(`Found ${sent.length} logs`));
      // One "### Log n" block per line, newest first, each with the SDK's message, level and trace.
      const printed = [...text.matchAll(/- \*\*message\*\*: (.*)\n- \*\*severity\*\*: (.*)\n[\s\S]*?- \*\*Trace ID\*\*: (.*)\n/g)].map((m) => [
        m[1],
        m[2],
        m[3],
      ]);
      const newestFirst = [...sent].sort((a, b) => Number(b.timestamp) - Number(a.timestamp));
      assert.deepEqual(
        printed,
        newestFirst.map((l) => [l.body, l.level, l.trace_id]),
        text,
      );
    });

    it('search_events with a severity query returns only the matching line', async () => {
      const text = await mcp.call('search_events', { organizationSlug: server.workspace.org, dataset: 'logs', query: 'severity:error', limit: 10 });
      const error = sent.find((l) => l.level === 'error');
      assert.ok(text.includes(String(error?.body)), text);
      for (const other of sent.filter((l) => l.level !== 'error')) assert.ok(!text.includes(String(other.body)), `${String(other.body)} not in:\n${text}`);
    });

    it('search_events counts lines per severity', async () => {
      const text = await mcp.call('search_events', {
        organizationSlug: server.workspace.org,
        dataset: 'logs',
        query: '',
        fields: ['severity', 'count()'],
        sort: '-count()',
        limit: 10,
      });
      const json = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
      assert.ok(json, text);
      const rows = JSON.parse(json) as { severity: string; 'count()': number }[];
      const expected = new Map<string, number>();
      for (const l of sent) expected.set(String(l.level), (expected.get(String(l.level)) ?? 0) + 1);
      assert.deepEqual(new Map(rows.map((r) => [r.severity, r['count()']])), expected);
    });
  });
}
