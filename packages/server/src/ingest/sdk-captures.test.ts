import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type EnvelopeItem, isJsonObject, normalizeEventId, parseEnvelope, parseJsonPayload } from '@faultline/protocol';
import { createPerformanceRepo } from '../performance/index.js';
import { explainSkippedPostgres, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { type IngestCapture, loadIngestCaptures, type Replayed, replayCapture } from './captures.test-support.js';

explainSkippedPostgres();

const captures = loadIngestCaptures();
// Sessions are counted by release health, spans stored by performance, check-ins by crons, feedback and user reports by feedback, replays by replays: none is parked.
const parkedTypes = (type: string) =>
  ![
    'event',
    'transaction',
    'client_report',
    'statsd',
    'span',
    'session',
    'sessions',
    'check_in',
    'feedback',
    'user_report',
    'replay_event',
    'replay_recording',
  ].includes(type);

/** The items the server must have received: the envelope sent, or the one event a /store/ body is. */
function sentItems(capture: IngestCapture, sent: Buffer): { eventId?: string; items: EnvelopeItem[] } {
  if (capture.url.includes('/store/')) {
    const json = parseJsonPayload(sent);
    assert.ok(json.ok && isJsonObject(json.value));
    const type = json.value.type === 'transaction' ? 'transaction' : 'event';
    return { eventId: String(json.value.event_id), items: [{ type, headers: { type }, payload: sent }] };
  }
  const parsed = parseEnvelope(sent);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return { eventId: parsed.envelope.headers.event_id, items: parsed.envelope.items };
}

function assertCors(res: Replayed, expected: Record<string, string>): void {
  for (const name of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-expose-headers', 'access-control-max-age']) {
    assert.equal(res.headers[name], expected[name], name);
  }
  const allowed = String(res.headers['access-control-allow-headers'])
    .split(',')
    .map((h) => h.trim());
  for (const h of (expected['access-control-allow-headers'] ?? '').split(',').map((x) => x.trim())) assert.ok(allowed.includes(h), `allow-headers lacks ${h}`);
}

for (const dialect of testDialects()) {
  describe(`SDK captures replayed over HTTP (${dialect})`, () => {
    let server: TestServer;
    let projectId: number;
    before(async () => {
      server = await startTestServer({ dialect });
      projectId = server.workspace.projectId;
      // The captures authenticate as `publickey`; give the test project a key by that name.
      const key = await server.store.clientKeys.create(projectId, 'sdk captures');
      await server.store.db.updateTable('client_keys').set({ public_key: 'publickey' }).where('id', '=', key.id).execute();
    });
    after(() => server.close());

    it('replays every ingest capture of every SDK', () => {
      const dirs = new Set(captures.map((c) => c.name.split('/')[0]));
      assert.deepEqual([...dirs].sort(), [
        'sentry-browser-11.12.0',
        'sentry-cli-2.58.6',
        'sentry-cli-3.8.0',
        'sentry-node-11.12.0',
        'sentry-node-8.55.2',
        'sentry-python-1.9.10',
      ]);
      assert.equal(captures.length, 39 + 40 + 19 + 10 + 5 + 5);
    });

    for (const capture of captures) {
      it(capture.name, async () => {
        const target = { baseUrl: server.url, projectId };
        if (capture.method === 'OPTIONS') {
          const res = await replayCapture(capture, target);
          assert.equal(res.status, capture.response?.status);
          assertCors(res, capture.response?.headers ?? {});
          assert.equal(res.headers['access-control-allow-headers'], capture.response?.headers['access-control-allow-headers']);
          return;
        }
        const parkedBefore = await server.store.parkedItems.list(projectId);
        const res = await replayCapture(capture, target);
        assert.equal(res.status, capture.recorderStatus, res.body);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        const { eventId, items } = sentItems(capture, res.sent);
        const id = eventId === undefined ? undefined : normalizeEventId(eventId);
        assert.deepEqual(JSON.parse(res.body), id?.ok ? { id: id.id } : {});
        if (capture.response) {
          // The recorder's /tunnel answered {} for everything; Sentry's envelope endpoint answers the id (checked above).
          if (!capture.url.startsWith('/tunnel')) assert.equal(res.body, capture.response.body);
          assertCors(res, capture.response.headers);
        }

        await server.app.jobs.worker.drain();
        for (const item of items.filter((i) => i.type === 'event' || i.type === 'transaction' || i.type === 'feedback')) {
          const json = parseJsonPayload(item.payload);
          assert.ok(json.ok && isJsonObject(json.value));
          const own = normalizeEventId(json.value.event_id);
          const stored = await server.store.events.byEventId(projectId, own.ok ? own.id : id?.ok ? id.id : '');
          assert.ok(stored, `${item.type} ${String(json.value.event_id)} was not stored`);
          assert.equal(stored.type, item.type);
          // Stored as the pipeline's normalized, scrubbed document, never as the bytes received.
          const document = JSON.parse(await server.store.events.documentText(stored)) as { event_id?: unknown; processing?: { notes?: unknown } };
          assert.equal(document.event_id, stored.eventId);
          assert.ok(Array.isArray(document.processing?.notes), 'the stored event carries its processing notes');
        }
        const parkedNow = (await server.store.parkedItems.list(projectId)).slice(parkedBefore.length);
        const expectedParked = items.filter((i) => parkedTypes(i.type));
        assert.deepEqual(
          parkedNow.map((p) => p.type),
          expectedParked.map((i) => i.type),
        );
        for (const [i, item] of expectedParked.entries()) {
          const row = parkedNow[i];
          assert.ok(row);
          assert.deepEqual(Buffer.from(row.payload), Buffer.from(item.payload));
          assert.deepEqual(JSON.parse(row.itemHeaders), item.headers);
          assert.equal(row.eventId, id?.ok ? id.id : null);
        }
        // Replay items become a replay with its segment (docs/replays.md).
        for (const item of items.filter((i) => i.type === 'replay_recording')) {
          assert.ok(id?.ok);
          const header = JSON.parse(Buffer.from(item.payload.subarray(0, item.payload.indexOf(0x0a))).toString()) as { segment_id: number };
          const stored = await server.store.replays.segments(projectId, id.id, 0, 100);
          assert.ok(
            stored.some((s) => s.segmentId === header.segment_id),
            `segment ${header.segment_id} of replay ${id.id} was not stored`,
          );
        }
        // Span items are processed into the performance store: every span the SDK sent is there.
        for (const item of items.filter((i) => i.type === 'span')) {
          const json = parseJsonPayload(item.payload);
          assert.ok(json.ok && isJsonObject(json.value));
          const sentSpans = Array.isArray(json.value.items) ? json.value.items.filter(isJsonObject) : [json.value];
          for (const span of sentSpans) {
            const stored = await createPerformanceRepo(server.store.db).traceBatches([projectId], String(span.trace_id));
            const ids = stored.flatMap((b) => b.batch.spans.map((x) => x.spanId));
            assert.ok(ids.includes(String(span.span_id)), `span ${String(span.span_id)} of trace ${String(span.trace_id)} was not stored`);
          }
        }
        const outcomes = await server.store.outcomes.query({ projectIds: [projectId], from: 0, to: Number.MAX_SAFE_INTEGER });
        for (const item of items.filter((i) => i.type === 'client_report')) {
          const report = parseJsonPayload(item.payload);
          assert.ok(report.ok && isJsonObject(report.value) && Array.isArray(report.value.discarded_events));
          for (const e of report.value.discarded_events) {
            assert.ok(isJsonObject(e));
            assert.ok(
              outcomes.some((o) => o.outcome === 'client_discard' && o.reason === e.reason && o.category === e.category && o.quantity >= Number(e.quantity)),
              `client report ${JSON.stringify(e)} not counted`,
            );
          }
        }
        if (items.some((i) => i.type === 'statsd')) {
          assert.ok(outcomes.some((o) => o.outcome === 'filtered' && o.reason === 'deprecated_item_type' && o.category === 'metric_bucket'));
        }
      });
    }
  });
}
