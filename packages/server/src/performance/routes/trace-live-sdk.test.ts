import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isJsonObject, type JsonObject } from '@faultline/protocol';
import { assertAllAnswered2xx, examplePath, runExample } from '../../ingest/live-clients/example-apps.test-support.js';
import { arrayAt, at } from '../../ingest/live-clients/stored-items.test-support.js';
import { apiFetch, explainSkippedPostgres, startTestServer, type TestServer, testDialects } from '../../testing/index.js';
import { assertSameTree, expectedShape, type SpanNodeJson, shapeOf, spansOfItems } from '../traces/trace-captures.test-support.js';

// examples/node/trace.mjs with the real @sentry/node 11, in both trace lifecycles, against a
// real server: a request whose render step fails. The trace view must show the spans exactly as
// the SDK sent them (read from the app's own record of its envelopes) and the error on the span
// it was captured in; the transaction's event JSON must carry the spans' self times.

explainSkippedPostgres();

const lifecycles = [
  { title: 'traceLifecycle "static" (a transaction event)', env: { SENTRY_TRACE_LIFECYCLE: 'static' } },
  { title: 'the default streamed lifecycle (span items)', env: {} },
] as const;

interface NodeJson extends SpanNodeJson {
  description: string;
  children: NodeJson[];
}

const flatten = (nodes: readonly NodeJson[]): NodeJson[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);

for (const dialect of testDialects()) {
  describe(`a real @sentry/node 11 trace (${dialect})`, { concurrency: true }, () => {
    const servers: TestServer[] = [];
    after(async () => {
      await Promise.all(servers.map((s) => s.close()));
    });

    for (const lifecycle of lifecycles) {
      it(`${lifecycle.title}: the trace shows what the SDK sent, with the error on the render span`, async () => {
        const server = await startTestServer({ dialect });
        servers.push(server);
        const { summary } = await runExample(process.execPath, [examplePath('node/trace.mjs')], {
          SENTRY_DSN: server.workspace.dsn,
          SENTRY_PACKAGE: 'sentry-node-11',
          ...lifecycle.env,
        });
        const sent = arrayAt(summary, 'sent');
        assertAllAnswered2xx(
          sent.map((s) => at(s, 'status') as number | null),
          lifecycle.title,
          sent.map((s) => at(s, 'types')),
        );
        assert.equal(at(summary, 'flushed'), true);
        await server.app.jobs.worker.drain();

        const items = sent.flatMap((s) => arrayAt(s, 'items')).filter(isJsonObject) as { type: string; payload: JsonObject }[];
        const spans = spansOfItems(items);
        assert.equal(spans.length, 4, `the SDK sent the request, the query, the render step and its call: ${JSON.stringify(items.map((i) => i.type))}`);
        const traceId = at(summary, 'traceId') as string;
        const errorId = at(summary, 'errorId') as string;
        const renderSpanId = at(summary, 'renderSpanId') as string;
        const as = { token: server.workspace.token };
        const org = server.workspace.org;

        const tree = await apiFetch<NodeJson[]>(server.url, `/api/0/organizations/${org}/trace/${traceId}/?limit=10000&project=-1&statsPeriod=14d`, { as });
        assert.equal(tree.status, 200, JSON.stringify(tree.body));
        assertSameTree(shapeOf(tree.body), expectedShape(spans, [{ eventId: errorId, spanId: renderSpanId }]));
        const render = flatten(tree.body).find((n) => n.event_id === renderSpanId);
        assert.equal(render?.description, 'renderProfile');
        assert.deepEqual(
          render?.errors.map((e) => e.event_id),
          [errorId],
        );

        const meta = await apiFetch<Record<string, unknown>>(server.url, `/api/0/organizations/${org}/trace-meta/${traceId}/`, { as });
        assert.equal(meta.status, 200);
        assert.equal(meta.body.span_count, spans.length);
        assert.equal(meta.body.errors, 1);
        assert.deepEqual(meta.body.span_count_map, { 'http.server': 1, 'db.query': 1, function: 1, 'http.client': 1 });

        const transaction = items.find((i) => i.type === 'transaction');
        if (transaction === undefined) return;
        // The static lifecycle's transaction event: the render span's self time leaves out its HTTP call.
        const eventId = transaction.payload.event_id as string;
        const json = await apiFetch<{
          entries: { type: string; data: Record<string, unknown>[] }[];
          breakdowns: { span_ops: Record<string, { value: number }> };
        }>(server.url, `/api/0/projects/${org}/${server.workspace.project}/events/${eventId}/`, { as });
        assert.equal(json.status, 200);
        const data = json.body.entries.find((e) => e.type === 'spans')?.data ?? [];
        const sentRender = spans.find((s) => s.spanId === renderSpanId);
        const call = spans.find((s) => s.parentSpanId === renderSpanId);
        assert.ok(sentRender && call);
        const expectedSelf = (sentRender.end - sentRender.start - (call.end - call.start)) * 1000;
        const self = data.find((s) => s.span_id === renderSpanId)?.exclusive_time as number;
        assert.ok(Math.abs(self - expectedSelf) <= 0.002, `render exclusive_time ${self}, expected ${expectedSelf}`);
        assert.ok(self < (sentRender.end - sentRender.start) * 1000, 'less than its duration');
        assert.ok(Math.abs((json.body.breakdowns.span_ops['ops.http']?.value ?? -1) - (call.end - call.start) * 1000) <= 0.002, 'ops.http');
      });
    }
  });
}
