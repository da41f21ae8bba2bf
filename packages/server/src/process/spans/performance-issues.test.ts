import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { JsonObject } from '@faultline/protocol';
import { explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../../testing/index.js';

explainSkippedPostgres();

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * A request as @sentry/node 8 sends it (a `transaction` item): `GET /orders` loads the user,
 * then one `SELECT` per order — the N+1 — each 8 ms, one after the other.
 */
function ordersTransaction(loop: boolean, name = 'GET /orders'): { body: string; traceId: string; offenders: string[] } {
  const traceId = hex(16);
  const root = hex(8);
  const handler = hex(8);
  const start = Date.now() / 1000 - 1;
  const spans: JsonObject[] = [
    { span_id: handler, parent_span_id: root, trace_id: traceId, op: 'function', description: 'listOrders', start_timestamp: start, timestamp: start + 0.2 },
    {
      span_id: hex(8),
      parent_span_id: handler,
      trace_id: traceId,
      op: 'db',
      description: 'SELECT * FROM users WHERE id = $1',
      start_timestamp: start,
      timestamp: start + 0.01,
    },
  ];
  const offenders: string[] = [];
  for (let i = 0; i < (loop ? 10 : 1); i++) {
    const id = hex(8);
    offenders.push(id);
    const s = start + 0.01 + i * 0.009;
    spans.push({
      span_id: id,
      parent_span_id: handler,
      trace_id: traceId,
      op: 'db',
      description: `SELECT * FROM orders WHERE id = ${i + 1}`,
      start_timestamp: s,
      timestamp: s + 0.008,
    });
  }
  const event = {
    type: 'transaction',
    event_id: hex(16),
    transaction: name,
    transaction_info: { source: 'route' },
    platform: 'node',
    release: 'shop@2.0.0',
    environment: 'production',
    start_timestamp: start,
    timestamp: start + 0.2,
    contexts: { trace: { trace_id: traceId, span_id: root, op: 'http.server', status: 'ok' } },
    spans,
  };
  return { body: `{"event_id":"${event.event_id}"}\n{"type":"transaction"}\n${JSON.stringify(event)}`, traceId, offenders };
}

for (const dialect of testDialects()) {
  describe(`performance issues from stored transactions (${dialect})`, () => {
    let server: TestServer;
    const first = ordersTransaction(true);
    const second = ordersTransaction(true);
    const clean = ordersTransaction(false, 'GET /clean');

    before(async () => {
      server = await startTestServer({ dialect });
      for (const t of [first, second, clean]) assert.equal((await post(server, t.body)).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
    });
    after(() => server.close());

    async function api(path: string) {
      const res = await fetch(`${server.url}/api/0/${path}`, { headers: { authorization: `Bearer ${server.workspace.token}` } });
      assert.equal(res.status, 200, `${path}: ${res.status}`);
      return (await res.json()) as JsonObject & JsonObject[];
    }

    it('opens exactly one N+1 issue for the route, counted once per request, and none for the clean route', async () => {
      const issues = (await api(`projects/${server.workspace.org}/${server.workspace.project}/issues/?query=&statsPeriod=14d`)) as JsonObject[];
      const performance = issues.filter((i) => i.issueCategory === 'performance');
      assert.equal(performance.length, 1, JSON.stringify(issues.map((i) => [i.title, i.issueCategory])));
      const issue = performance[0] as JsonObject;
      assert.equal(issue.title, 'N+1 Query');
      assert.equal(issue.issueType, 'performance_n_plus_one_db_queries');
      assert.equal(issue.culprit, 'GET /orders');
      assert.equal(issue.count, '2', 'both requests of the route land in one issue');
      assert.ok(!issues.some((i) => i.culprit === 'GET /clean'));
    });

    it('finds them with issue.category and issue.type, and keeps them out of issue.category:error', async () => {
      const list = async (query: string) =>
        (
          (await api(`projects/${server.workspace.org}/${server.workspace.project}/issues/?statsPeriod=14d&query=${encodeURIComponent(query)}`)) as JsonObject[]
        ).map((i) => i.title);
      assert.deepEqual(await list('issue.category:performance'), ['N+1 Query']);
      assert.deepEqual(await list('issue.type:performance_n_plus_one_db_queries'), ['N+1 Query']);
      assert.deepEqual(await list('issue.type:performance_slow_db_query'), []);
      assert.ok(!(await list('issue.category:error')).includes('N+1 Query'));
    });

    it("puts the detector's evidence on the issue's event", async () => {
      const issues = (await api(`projects/${server.workspace.org}/${server.workspace.project}/issues/?query=&statsPeriod=14d`)) as JsonObject[];
      const issue = issues.find((i) => i.issueCategory === 'performance') as JsonObject;
      const event = await api(`organizations/${server.workspace.org}/issues/${String(issue.id)}/events/latest/`);
      const occurrence = event.occurrence as JsonObject;
      assert.equal(occurrence.type, 1006);
      const evidence = occurrence.evidenceData as JsonObject;
      const latest = [first, second].find((t) => (evidence.offenderSpanIds as string[]).includes(t.offenders[0] as string));
      assert.ok(latest, 'the offenders are the loop spans of one of the requests');
      assert.deepEqual([...(evidence.offenderSpanIds as string[])].sort(), [...latest.offenders].sort());
      assert.equal(evidence.numberRepeatingSpans, '10');
      assert.equal(event.type, 'transaction');
    });

    it('shows the occurrence on the offending spans of the trace, and counts it in trace-meta', async () => {
      const trace = (await api(`organizations/${server.workspace.org}/trace/${first.traceId}/`)) as JsonObject[];
      const flagged: string[] = [];
      const errors: unknown[] = [];
      const walk = (node: JsonObject) => {
        if ((node.occurrences as unknown[]).length > 0) flagged.push(String(node.event_id));
        errors.push(...(node.errors as unknown[]));
        for (const child of node.children as JsonObject[]) walk(child);
      };
      for (const root of trace) walk(root);
      assert.deepEqual(flagged.sort(), [...first.offenders].sort());
      assert.deepEqual(errors, [], 'an occurrence is not an error');
      const meta = await api(`organizations/${server.workspace.org}/trace-meta/${first.traceId}/`);
      assert.equal(meta.performance_issues, 1);
      assert.equal(meta.errors, 0);
    });
  });
}
