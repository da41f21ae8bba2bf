import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, getOk, sendCapture, startIssueServer } from '../../issues/routes/issue-api.test-support.js';
import { createManualClock } from '../../kernel/index.js';
import type { Organization, Project } from '../../organizations/index.js';
import { addOrganization, addPerson, apiFetch, assertDetail, explainSkippedPostgres, mintToken, type TestServer, testDialects } from '../../testing/index.js';
import { normalizeSpanDescription, spanGroup } from '../spans/index.js';
import {
  assertSameTree,
  CAPTURE_TIME,
  expectedShape,
  replayCaptures,
  type SpanNodeJson,
  sentError,
  sentSpans,
  shapeOf,
  TRACES,
  type TraceCase,
} from '../traces/trace-captures.test-support.js';

// The trace endpoints and a transaction's event JSON, fed with real @sentry/node 11 captures
// (both trace lifecycles) through the real ingest endpoint; every expectation is read from the
// captured payloads.

explainSkippedPostgres();

interface TraceNodeJson extends SpanNodeJson {
  [key: string]: unknown;
}

const SPAN_NODE_KEYS = [
  'additional_attributes',
  'children',
  'description',
  'duration',
  'end_timestamp',
  'errors',
  'event_id',
  'event_type',
  'is_transaction',
  'measurements',
  'name',
  'occurrences',
  'op',
  'parent_span_id',
  'profile_id',
  'profiler_id',
  'project_id',
  'project_slug',
  'sdk_name',
  'start_timestamp',
  'transaction',
  'transaction_id',
];

function flatten(nodes: readonly TraceNodeJson[]): TraceNodeJson[] {
  return nodes.flatMap((n) => (n.event_type === 'span' ? [n, ...flatten(n.children as TraceNodeJson[])] : [n]));
}

for (const dialect of testDialects()) {
  describe(`trace endpoints (${dialect})`, () => {
    let server: TestServer;
    let org: string;
    let orgB: Organization;
    let projectB: Project;
    let bobToken: string;

    before(async () => {
      // The captures' own time: timestamps are stored as sent (no drift correction, no age limit).
      server = await startIssueServer(dialect, { clock: createManualClock(CAPTURE_TIME) });
      org = server.workspace.org;
      for (const c of Object.values(TRACES)) await replayCaptures(server, [...c.spans, ...c.errors], server.workspace.projectId);
      const bob = await addPerson(server, 'bob@org-b.test');
      let key: { publicKey: string };
      ({ org: orgB, project: projectB, key } = await addOrganization(server, 'org-b', bob));
      bobToken = await mintToken(server, bob, ['org:read', 'project:read', 'event:read']);
      // The same requests in another organization: same trace and span ids, none of it A's.
      const c = TRACES.staticRequests;
      await replayCaptures(server, [...c.spans, ...c.errors], projectB.id, key.publicKey);
      await drain(server);
    });
    after(() => server.close());

    const cases: [string, TraceCase][] = [
      ['static lifecycle, three requests, one fails in its handler', TRACES.staticRequests],
      ['streamed lifecycle, the same requests', TRACES.streamedRequests],
      ['static lifecycle, a job failing in its own span', TRACES.staticJob],
      ['streamed lifecycle, the same job', TRACES.streamedJob],
    ];

    for (const [title, c] of cases) {
      it(`${title}: the tree is what the SDK sent, the error sits on its span`, async () => {
        const body = await getOk<TraceNodeJson[]>(server, `/api/0/organizations/${org}/trace/${c.trace}/?limit=10000&project=-1&statsPeriod=14d`);
        const spans = sentSpans(c.spans);
        const errors = c.errors.map(sentError);
        assertSameTree(shapeOf(body), expectedShape(spans, errors));
        assert.deepEqual(
          body.filter((n) => n.event_type !== 'span'),
          [],
          'no orphan errors: every error names a span of the trace',
        );

        const nodes = flatten(body);
        assert.equal(nodes.length, spans.length, 'every span once');
        for (const node of nodes) {
          assert.deepEqual(Object.keys(node).sort(), SPAN_NODE_KEYS, `${node.event_id}: span node fields`);
          const sent = spans.find((s) => s.spanId === node.event_id);
          assert.ok(sent, `${node.event_id} was sent`);
          assert.equal(node.is_transaction, sent.isSegment, `${node.event_id}: is_transaction`);
          assert.equal(node.op, sent.op, `${node.event_id}: op`);
          assert.equal(node.description, sent.description, `${node.event_id}: description`);
          assert.equal(node.parent_span_id, sent.parentSpanId, `${node.event_id}: parent_span_id`);
          assert.ok(Math.abs((node.end_timestamp as number) - sent.end) < 1e-6, `${node.event_id}: end_timestamp`);
          assert.equal(node.project_id, server.workspace.projectId);
          assert.equal(node.project_slug, server.workspace.project);
          if (sent.eventId !== null) assert.equal(node.transaction_id, sent.eventId, `${node.event_id}: transaction_id is the transaction event's id`);
          assert.equal(node.sdk_name, 'sentry.javascript.node', `${node.event_id}: sdk_name`);
          assert.deepEqual(node.occurrences, []);
        }

        for (const error of errors) {
          const holder = nodes.find((n) => n.event_id === error.spanId) as TraceNodeJson;
          const node = (holder.errors as Record<string, unknown>[])[0] as Record<string, unknown>;
          const stored = await server.store.events.byEventId(server.workspace.projectId, error.eventId);
          assert.ok(stored?.issueId, 'the error was grouped');
          const issue = await getOk<{ shortId: string; culprit: string; title: string }>(server, `/api/0/organizations/${org}/issues/${stored.issueId}/`);
          assert.deepEqual(
            { ...node, start_timestamp: undefined },
            {
              event_type: 'error',
              event_id: error.eventId,
              issue_id: stored.issueId,
              project_id: server.workspace.projectId,
              project_slug: server.workspace.project,
              transaction: error.transaction,
              description: issue.title,
              level: 'error',
              start_timestamp: undefined,
              culprit: issue.culprit,
              short_id: issue.shortId,
              issue_type: 1,
            },
          );
          assert.ok(Math.abs((node.start_timestamp as number) * 1000 - (stored.timestamp as number)) < 1, 'error start_timestamp is the event time');
        }
      });

      it(`${title}: trace-meta counts what was sent`, async () => {
        const meta = await getOk<Record<string, unknown>>(server, `/api/0/organizations/${org}/trace-meta/${c.trace}/`);
        const spans = sentSpans(c.spans);
        const byOp: Record<string, number> = {};
        for (const s of spans) byOp[s.op] = (byOp[s.op] ?? 0) + 1;
        assert.equal(meta.span_count, spans.length);
        assert.equal(meta.errors, c.errors.length);
        assert.equal(meta.performance_issues, 0);
        assert.equal(meta.logs, 0);
        assert.deepEqual(meta.span_count_map, byOp);
        const perTransaction = meta.transaction_child_count_map as { 'transaction.event_id': string; 'count()': number }[];
        assert.equal(
          perTransaction.reduce((n, t) => n + t['count()'], 0),
          spans.length,
          'every span counted under one transaction',
        );
        const eventIds = [...new Set(spans.map((s) => s.eventId))];
        if (eventIds.every((id) => id !== null)) {
          assert.deepEqual(
            Object.fromEntries(perTransaction.map((t) => [t['transaction.event_id'], t['count()']])),
            Object.fromEntries(eventIds.map((id) => [id, spans.filter((s) => s.eventId === id).length])),
          );
        } else assert.equal(perTransaction.length, spans.filter((s) => s.isSegment).length, 'one entry per streamed segment');
      });
    }

    it('a transaction event lists its child spans with self time and span group, and the op breakdown', async () => {
      const sent = sentSpans(TRACES.staticJob.spans);
      const root = sent.find((s) => s.isSegment);
      assert.ok(root?.eventId);
      const json = await getOk<Record<string, unknown>>(server, `/api/0/projects/${org}/${server.workspace.project}/events/${root.eventId}/`);
      assert.equal(json.type, 'transaction');
      assert.equal(json.groupID, null);
      assert.equal(json.startTimestamp, root.start);
      assert.equal(json.endTimestamp, root.end);
      assert.equal((json.contexts as { trace: { span_id: string } }).trace.span_id, root.spanId);
      const entries = json.entries as { type: string; data: Record<string, unknown>[] }[];
      assert.equal(entries.filter((e) => e.type === 'spans').length, 1, 'one spans entry');
      const data = entries.find((e) => e.type === 'spans')?.data ?? [];
      const children = sent.filter((s) => !s.isSegment);
      assert.deepEqual(data.map((s) => s.span_id).sort(), children.map((s) => s.spanId).sort(), 'the child spans, not the root');
      for (const child of children) {
        const span = data.find((s) => s.span_id === child.spanId) as Record<string, unknown>;
        // These spans have no children of their own: their self time is their duration.
        assert.ok(Math.abs((span.exclusive_time as number) - (child.end - child.start) * 1000) <= 0.001, `${child.spanId}: exclusive_time`);
        assert.equal(span.hash, spanGroup(normalizeSpanDescription(child.op, child.description)), `${child.spanId}: hash`);
        assert.equal(span.parent_span_id, root.spanId);
      }
      const db = children.find((s) => s.op.startsWith('db')) as (typeof children)[number];
      const ops = (json.breakdowns as { span_ops: Record<string, { value: number; unit: string }> }).span_ops;
      assert.ok(Math.abs((ops['ops.db']?.value ?? -1) - (db.end - db.start) * 1000) <= 0.001, `ops.db: ${JSON.stringify(ops)}`);
      assert.equal(ops['ops.db']?.unit, 'millisecond');
      assert.equal(ops['ops.function'], undefined, 'only Sentry’s default op families are broken down');
      assert.ok(Math.abs((ops['total.time']?.value ?? -1) - (db.end - db.start) * 1000) <= 0.001, 'total.time');
    });

    it('another organization sees none of it; its own copy of the trace stays its own', async () => {
      const bob = { token: bobToken };
      for (const path of [
        `/api/0/organizations/${org}/trace/${TRACES.staticRequests.trace}/`,
        `/api/0/organizations/${org}/trace-meta/${TRACES.staticRequests.trace}/`,
      ]) {
        assertDetail(await apiFetch(server.url, path, { as: bob }), 404, /not found/i, path);
      }
      // A trace only A has, asked through B: nothing.
      assert.deepEqual(await getOk(server, `/api/0/organizations/${orgB.slug}/trace/${TRACES.streamedRequests.trace}/`, bob), []);
      const emptyMeta = await getOk<Record<string, unknown>>(server, `/api/0/organizations/${orgB.slug}/trace-meta/${TRACES.streamedRequests.trace}/`, bob);
      assert.equal(emptyMeta.span_count, 0);
      assert.equal(emptyMeta.errors, 0);

      // Both have this trace: each sees its own spans and error once, in its own project.
      const sent = sentSpans(TRACES.staticRequests.spans);
      for (const [who, as, slug, projectId] of [
        ['A', { token: server.workspace.token }, server.workspace.project, server.workspace.projectId],
        ['B', bob, projectB.slug, projectB.id],
      ] as const) {
        const orgSlug = who === 'A' ? org : orgB.slug;
        const nodes = flatten(await getOk<TraceNodeJson[]>(server, `/api/0/organizations/${orgSlug}/trace/${TRACES.staticRequests.trace}/`, as));
        assert.equal(nodes.length, sent.length, `${who}: each span once`);
        assert.ok(
          nodes.every((n) => n.project_slug === slug && n.project_id === projectId),
          `${who}: only its own project`,
        );
        const errors = nodes.flatMap((n) => (n.errors as unknown as { project_id: number }[] | undefined) ?? []);
        assert.deepEqual(
          errors.map((e) => e.project_id),
          [projectId],
          `${who}: its own error only`,
        );
        const meta = await getOk<Record<string, unknown>>(server, `/api/0/organizations/${orgSlug}/trace-meta/${TRACES.staticRequests.trace}/`, as);
        assert.equal(meta.span_count, sent.length, `${who}: span_count`);
        assert.equal(meta.errors, 1, `${who}: errors`);
      }
    });

    it('an error whose span is not in the trace is appended at the top level', async () => {
      const trace = TRACES.staticJob.trace;
      const orphanId = await sendCapture(server, 'sentry-node-11.12.0/004-errors--envelope-event.txt', (payload) => {
        payload.contexts = { trace: { trace_id: trace, span_id: 'feedfacecafebeef' } };
      });
      await drain(server);
      const body = await getOk<TraceNodeJson[]>(server, `/api/0/organizations/${org}/trace/${trace}/`);
      const last = body.at(-1) as TraceNodeJson;
      assert.equal(last.event_type, 'error');
      assert.equal(last.event_id, orphanId);
      assert.equal(body.filter((n) => n.event_type === 'error').length, 1, 'only the orphan is at the top level');
      const meta = await getOk<Record<string, unknown>>(server, `/api/0/organizations/${org}/trace-meta/${trace}/`);
      assert.equal(meta.errors, 2, 'the orphan counts as an error of the trace');
    });

    it('malformed trace ids and parameters are a 400 with a detail, never a 500', async () => {
      const good = TRACES.staticJob.trace;
      const bad = [
        `/api/0/organizations/${org}/trace/not-a-trace-id/`,
        `/api/0/organizations/${org}/trace/${'0'.repeat(32)}/`,
        `/api/0/organizations/${org}/trace/${good.slice(1)}/`,
        `/api/0/organizations/${org}/trace/${'z'.repeat(32)}/`,
        `/api/0/organizations/${org}/trace-meta/${'x'.repeat(200)}/`,
        `/api/0/organizations/${org}/trace/${good}/?statsPeriod=fortnight`,
        `/api/0/organizations/${org}/trace/${good}/?statsPeriod=99999999999w`,
        `/api/0/organizations/${org}/trace/${good}/?start=2026-11-22T00:00:00&end=2026-11-21T00:00:00`,
        `/api/0/organizations/${org}/trace/${good}/?start=yesterday&end=today`,
        `/api/0/organizations/${org}/trace/${good}/?start=2026-11-21T00:00:00`,
        `/api/0/organizations/${org}/trace/${good}/?statsPeriod=14d&start=2026-11-21T00:00:00&end=2026-11-22T00:00:00`,
        `/api/0/organizations/${org}/trace/${good}/?timestamp=soon`,
        `/api/0/organizations/${org}/trace/${good}/?errorId=abc`,
        `/api/0/organizations/${org}/trace-meta/${good}/?statsPeriod=-1d`,
      ];
      for (const path of bad) assertDetail(await apiFetch(server.url, path, { as: { token: server.workspace.token } }), 400, /./, path);
      // The same trace id with dashes and in capitals is the same trace (trace ids are case-insensitive hex).
      const dashed = `${good.slice(0, 8)}-${good.slice(8, 12)}-${good.slice(12, 16)}-${good.slice(16, 20)}-${good.slice(20)}`.toUpperCase();
      const body = await getOk<TraceNodeJson[]>(
        server,
        `/api/0/organizations/${org}/trace/${dashed}/?timestamp=1795275050.6&errorId=${sentError('021').eventId}`,
      );
      assert.equal(flatten(body).filter((n) => n.event_type === 'span').length, sentSpans(TRACES.staticJob.spans).length);
    });

    it('the time window bounds the search', async () => {
      const c = TRACES.staticJob;
      const before = `start=2026-11-20T00:00:00&end=2026-11-20T23:59:59`;
      assert.deepEqual(await getOk(server, `/api/0/organizations/${org}/trace/${c.trace}/?${before}`), []);
      const around = `start=2026-11-21T15:00:00Z&end=2026-11-21T16:00:00%2B00:00`;
      const nodes = flatten(await getOk<TraceNodeJson[]>(server, `/api/0/organizations/${org}/trace/${c.trace}/?${around}`));
      assert.equal(nodes.filter((n) => n.event_type === 'span').length, sentSpans(c.spans).length);
    });
  });
}
