// The real Sentry MCP server (@sentry/mcp-server 0.39, over stdio) reading the spans and traces
// that real @sentry/node 11 captures left in a real Faultline. What an assistant would read is
// the tools' text, so that is what is asserted, against what the SDK sent (never constants).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, startIssueServer } from '../issues/routes/issue-api.test-support.js';
import { createManualClock } from '../kernel/index.js';
import { explainSkippedPostgres, type McpSession, startMcpSession, type TestServer, testDialects } from '../testing/index.js';
import { CAPTURE_TIME, replayCaptures, type SentSpan, sentSpans, TRACES } from './traces/trace-captures.test-support.js';

explainSkippedPostgres();

interface Sent extends SentSpan {
  readonly trace: string;
  /** the name of the segment the span belongs to */
  readonly transaction: string;
  /** 0 for a segment, 1 for its children, … */
  readonly depth: number;
}

/** Every span the captures carry, with its trace, its segment's name and its depth in the trace. */
function sentByTrace(): Sent[] {
  return Object.values(TRACES).flatMap((c) => {
    const spans = sentSpans(c.spans);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    return spans.map((s) => {
      let depth = 0;
      let segment: SentSpan | undefined;
      for (let at: SentSpan | undefined = s; at !== undefined; at = at.parentSpanId === null ? undefined : byId.get(at.parentSpanId)) {
        if (at.isSegment) segment ??= at;
        if (at !== s) depth++;
      }
      assert.ok(segment, `span ${s.spanId} of ${c.trace} has no segment among the sent spans`);
      return { ...s, trace: c.trace, transaction: segment.description, depth };
    });
  });
}

/** The `**key**: value` lines of each result of search_events, one record per result (those with an id). */
function resultRecords(text: string): Record<string, string>[] {
  return text
    .split(/^#+ /m)
    .map((block) => Object.fromEntries([...block.matchAll(/^\*\*([^*]+)\*\*: (.*)$/gm)].map((m) => [m[1] as string, (m[2] as string).trim()])))
    .filter((r) => r.id !== undefined);
}

const ms = (printed: string | undefined): number => Number(/^([\d.]+)ms$/.exec(printed ?? '')?.[1] ?? Number.NaN);
const durationOf = (s: SentSpan): number => (s.end - s.start) * 1000;
const sortedIds = (ids: readonly string[]): string[] => [...ids].sort();

function assertSameSpan(record: Record<string, string>, sent: Sent): void {
  const what = `result ${record.id}`;
  assert.equal(record['span.op'], sent.op, `${what}: op`);
  assert.equal(record.transaction, sent.transaction, `${what}: transaction`);
  assert.equal(record['Trace ID'], sent.trace, `${what}: trace`);
  assert.ok(Math.abs(ms(record['span.duration']) - durationOf(sent)) < 0.001, `${what}: ${record['span.duration']}, the SDK sent ${durationOf(sent)} ms`);
}

for (const dialect of testDialects()) {
  describe(`the Sentry MCP server reads spans and traces (${dialect})`, () => {
    let server: TestServer;
    let mcp: McpSession;
    let org: string;
    const sent = sentByTrace();

    before(async () => {
      // The captures' own time: search_events asks for the last 14 days of the server's clock.
      server = await startIssueServer(dialect, { clock: createManualClock(CAPTURE_TIME) });
      org = server.workspace.org;
      for (const c of Object.values(TRACES)) await replayCaptures(server, [...c.spans, ...c.errors], server.workspace.projectId);
      await drain(server);
      mcp = await startMcpSession(server);
    });
    after(async () => {
      await mcp?.close();
      await server?.close();
    });

    it('lists its tools; search_events takes a dataset, a Sentry query, fields and a sort', async () => {
      const tools = await mcp.listTools();
      for (const t of ['find_organizations', 'find_projects', 'search_events', 'search_issues', 'execute_sentry_tool'])
        assert.ok(tools.includes(t), `${t} in ${tools}`);
      const props = await mcp.inputProperties('search_events');
      for (const p of ['organizationSlug', 'dataset', 'query', 'fields', 'sort', 'limit']) assert.ok(props.includes(p), `search_events takes ${p}: ${props}`);
    });

    it('finds the organization (with its web URL), its project and the token owner', async () => {
      const orgs = JSON.parse(await mcp.call('find_organizations', {})) as { organizations: { slug: string; webUrl: string | null }[] };
      assert.deepEqual(orgs.organizations, [{ slug: org, webUrl: server.url, regionUrl: null }]);
      const projects = JSON.parse(await mcp.call('find_projects', { organizationSlug: org })) as { projects: { slug: string }[] };
      assert.deepEqual(
        projects.projects.map((p) => p.slug),
        [server.workspace.project],
      );
      const me = JSON.parse(await mcp.execute('whoami', {})) as { user: { email: string } };
      assert.equal(me.user.email, server.workspace.admin.email);
    });

    it('search_events on spans with span.op:db* returns the database spans that were sent', async () => {
      const expected = sent.filter((s) => s.op.startsWith('db'));
      assert.ok(expected.length > 0, 'the captures hold database spans');
      const text = await mcp.call('search_events', { organizationSlug: org, dataset: 'spans', query: 'span.op:db*', limit: 100 });
      assert.match(text, new RegExp(`Found ${expected.length} traces/spans`));
      const records = resultRecords(text);
      assert.deepEqual(sortedIds(records.map((r) => r.id as string)), sortedIds(expected.map((s) => s.spanId)));
      for (const r of records) {
        const s = expected.find((e) => e.spanId === r.id) as Sent;
        assertSameSpan(r, s);
        assert.equal(r['span.description'], s.description, `${r.id}: description`);
      }
    });

    it('search_events on spans with is_transaction:true returns every segment by its span id, longest first', async () => {
      const expected = sent.filter((s) => s.isSegment);
      const text = await mcp.call('search_events', {
        organizationSlug: org,
        dataset: 'spans',
        query: 'is_transaction:true',
        fields: ['id', 'transaction', 'span.op', 'span.duration', 'trace'],
        sort: '-span.duration',
        limit: 100,
      });
      assert.match(text, new RegExp(`Found ${expected.length} traces/spans`));
      const records = resultRecords(text);
      assert.deepEqual(sortedIds(records.map((r) => r.id as string)), sortedIds(expected.map((s) => s.spanId)));
      for (const r of records) assertSameSpan(r, expected.find((e) => e.spanId === r.id) as Sent);
      const durations = records.map((r) => ms(r['span.duration']));
      assert.deepEqual(
        durations,
        [...durations].sort((a, b) => b - a),
        'sorted by -span.duration',
      );
    });

    it('search_events counts segments per transaction as they were sent', async () => {
      const text = await mcp.call('search_events', {
        organizationSlug: org,
        dataset: 'spans',
        query: 'is_transaction:true',
        fields: ['transaction', 'count()'],
        sort: '-count()',
      });
      const json = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
      assert.ok(json, `no JSON table in:\n${text}`);
      const rows = JSON.parse(json) as { transaction: string; 'count()': number }[];
      const counts = new Map<string, number>();
      for (const s of sent.filter((x) => x.isSegment)) counts.set(s.transaction, (counts.get(s.transaction) ?? 0) + 1);
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.transaction, r['count()']])), Object.fromEntries(counts));
      assert.deepEqual(
        rows.map((r) => r['count()']),
        [...counts.values()].sort((a, b) => b - a),
        'sorted by -count()',
      );
    });

    for (const [name, c] of Object.entries(TRACES)) {
      it(`get_trace_details shows the ${name} trace: its segments, every span at its depth, its errors`, async () => {
        const mine = sent.filter((s) => s.trace === c.trace);
        const text = await mcp.execute('get_trace_details', { organizationSlug: org, traceId: c.trace });
        assert.match(text, new RegExp(`\\*\\*Total Spans\\*\\*: ${mine.length}\\n`));
        assert.match(text, new RegExp(`\\*\\*Errors\\*\\*: ${c.errors.length}\\n`));
        assert.match(text, new RegExp(`Overview shows ${mine.length} of ${mine.length} spans`));
        // Overview lines: `   │  ├─ <name> [<op> · <n>ms · <span id>]`, three columns per level under `trace`.
        const lines = [...text.matchAll(/^([ │]*)[├└]─ (.*) \[(.*) · (\d+)ms · ([0-9a-f]{16})\]$/gm)];
        assert.deepEqual(sortedIds(lines.map((l) => l[5] as string)), sortedIds(mine.map((s) => s.spanId)));
        // Printed depth-first: a line's parent is the last line printed one level up.
        const lastAtDepth: string[] = [];
        for (const [, indent, label, op, printedMs, id] of lines) {
          const s = mine.find((x) => x.spanId === id) as Sent;
          const depth = (indent as string).length / 3 - 1;
          assert.equal(depth, s.depth, `${id}: depth`);
          if (depth > 0) assert.equal(lastAtDepth[depth - 1], s.parentSpanId, `${id}: parent`);
          lastAtDepth[depth] = id as string;
          assert.equal(op, s.op, `${id}: op`);
          assert.equal(label, s.description, `${id}: name`);
          assert.ok(Math.abs(Number(printedMs) - durationOf(s)) <= 0.5 + 1e-9, `${id}: ${printedMs}ms, the SDK sent ${durationOf(s)} ms`);
        }
        const segments = mine.filter((s) => s.isSegment);
        assert.deepEqual(
          lines
            .filter((l) => segments.some((s) => s.spanId === l[5]))
            .map((l) => l[2])
            .sort(),
          segments.map((s) => s.transaction).sort(),
          'the segments by name (the overview orders them by its own interest score)',
        );
      });
    }

    it('get_span_details describes one database span as sent', async () => {
      const s = sent.find((x) => x.op.startsWith('db')) as Sent;
      const text = await mcp.execute('get_span_details', { organizationSlug: org, traceId: s.trace, spanId: s.spanId });
      assert.match(text, new RegExp(`\\*\\*Operation\\*\\*: ${s.op}\\n`));
      assert.ok(text.includes(`**Description**: ${s.description}\n`), text);
      assert.ok(text.includes(`**Parent Span ID**: ${s.parentSpanId}\n`), text);
      assert.match(text, new RegExp(`\\*\\*Duration\\*\\*: ${Math.round(durationOf(s))}ms`));
    });
  });
}
