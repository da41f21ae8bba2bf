// On every database: the persist step indexes stored error events by trace (and nothing else),
// a redelivered event adds no second row, and retention deletes the rows with their events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drain, newProject, type PipelineHarness, sendEvent, startPipelineHarness } from '../../process/pipeline.test-support.js';
import { explainSkippedPostgres, testDialects } from '../../testing/index.js';
import { traceErrors } from './event-traces.js';

explainSkippedPostgres();

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const day = 86_400_000;

const traced = (spanId: string, message: string) => ({
  message,
  level: 'error',
  platform: 'node',
  transaction: 'GET /users/:id',
  contexts: { trace: { trace_id: TRACE.toUpperCase(), span_id: spanId, op: 'http.server' } },
});

for (const dialect of testDialects()) {
  describe(`event trace index (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect, { FAULTLINE_RETENTION_DAYS: '30' });
    });
    after(() => h.close());

    const rowsOf = (projectId: number) => h.server.store.db.selectFrom('event_traces').selectAll().where('project_id', '=', projectId).execute();

    it('indexes error events that name a trace, once each; transactions and untraced events are not indexed', async () => {
      const p = await newProject(h);
      const first = await sendEvent(h, p, traced('b7fc14d753d6a895', 'user lookup failed'));
      await sendEvent(h, p, { message: 'no trace here', level: 'error', platform: 'node' });
      await sendEvent(h, p, traced('adfe2a45635184c6', 'a second error in the trace'));
      await sendEvent(h, p, { ...traced('ad8acbf6a0dea0ff', 'bad'), contexts: { trace: { trace_id: 'nope', span_id: 'ad8acbf6a0dea0ff' } } });
      await sendEvent(
        h,
        p,
        {
          type: 'transaction',
          transaction: 'GET /ok',
          start_timestamp: h.clock.now() / 1000 - 1,
          timestamp: h.clock.now() / 1000,
          contexts: { trace: { trace_id: TRACE, span_id: 'b821226865c505c2', op: 'http.server' } },
          spans: [],
        },
        { itemType: 'transaction' },
      );
      await drain(h);
      // The same event delivered again (an SDK retry) stores nothing new.
      await sendEvent(h, p, traced('b7fc14d753d6a895', 'user lookup failed'), { eventId: first });
      await drain(h);

      const rows = await rowsOf(p.id);
      assert.equal(rows.length, 2, JSON.stringify(rows));
      const mine = rows.find((r) => r.event_id === first);
      assert.ok(mine);
      assert.equal(mine.trace_id, TRACE, 'trace ids are kept lower-case');
      assert.equal(mine.span_id, 'b7fc14d753d6a895');
      assert.equal(mine.transaction, 'GET /users/:id');
      const event = await h.server.store.events.byEventId(p.id, first);
      assert.equal(mine.issue_id, event?.issueId);
      assert.equal(Number(mine.timestamp), event?.timestamp);

      const found = await traceErrors(h.server.store.db, [p.id], TRACE);
      assert.deepEqual(found.map((e) => e.eventId).sort(), rows.map((r) => r.event_id).sort());
      assert.equal(found.find((e) => e.eventId === first)?.title, 'user lookup failed');
      assert.deepEqual(await traceErrors(h.server.store.db, [p.id + 1000], TRACE), [], 'another project’s trace is not read');
    });

    it('retention deletes the index rows with their events', async () => {
      const p = await newProject(h, { retentionDays: 1 });
      await sendEvent(h, p, traced('b7fc14d753d6a895', 'old'));
      await drain(h);
      h.clock.advance(2 * day);
      const recent = await sendEvent(h, p, traced('b7fc14d753d6a895', 'recent'));
      await drain(h);
      assert.equal((await rowsOf(p.id)).length, 2);
      await h.server.app.jobs.retention.runOnce();
      assert.deepEqual(
        (await rowsOf(p.id)).map((r) => r.event_id),
        [recent],
      );
    });
  });
}
