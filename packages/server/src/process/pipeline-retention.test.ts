// End to end on every database: the retention job (jobs/) deletes what events the pipeline
// stored once they are past their project's retention, and the issues keep their counts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, post, testDialects } from '../testing/index.js';
import { node8 } from './group/grouping-fixtures.test-support.js';
import { drain, issuesOf, newProject, type PipelineHarness, sendAll, sendEvent, startPipelineHarness, type TestProject } from './pipeline.test-support.js';

explainSkippedPostgres();

const N8 = node8('006-errors--envelope-event.txt');
const day = 86_400_000;

for (const dialect of testDialects()) {
  describe(`retention (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect, { FAULTLINE_RETENTION_DAYS: '30' });
    });
    after(() => h.close());

    const eventCount = async (p: TestProject) =>
      Number(
        (
          await h.server.store.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('project_id', '=', p.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const parkedCount = async (p: TestProject) => (await h.server.store.parkedItems.list(p.id)).length;

    it('deletes events and parked items past each project’s retention and keeps issue counts', async () => {
      const short = await newProject(h, { retentionDays: 1 });
      const normal = await newProject(h);
      await sendAll(h, short, [N8, N8]);
      await sendAll(h, normal, [N8, N8]);
      const parked = await post(h.server, '{}\n{"type":"profile"}\n{"profile":{}}', {
        projectId: short.id,
        query: `?sentry_key=${short.key}`,
      });
      assert.equal(parked.status, 200);
      await drain(h);
      h.clock.advance(2 * day);
      await sendAll(h, short, [N8]);

      assert.deepEqual(await h.server.app.jobs.retention.runOnce(), { events: 2, parkedItems: 1 });
      assert.deepEqual([await eventCount(short), await parkedCount(short), await eventCount(normal)], [1, 0, 2]);
      const [issue] = await issuesOf(h, short);
      assert.equal(issue?.times_seen, 3, 'counters are never decremented');
      const hourly = await h.server.store.db
        .selectFrom('issue_hourly')
        .select('count')
        .where('issue_id', '=', issue?.id ?? 0)
        .execute();
      assert.equal(
        hourly.reduce((n, r) => n + r.count, 0),
        3,
      );

      h.clock.advance(29 * day);
      assert.deepEqual(await h.server.app.jobs.retention.runOnce(), { events: 3, parkedItems: 0 });
      assert.deepEqual([await eventCount(short), await eventCount(normal)], [0, 0]);
      assert.equal((await issuesOf(h, normal))[0]?.times_seen, 2);
    });

    it('deletes in bounded statements', async () => {
      const p = await newProject(h);
      for (let i = 0; i < 5; i++) await sendEvent(h, p, N8);
      await drain(h);
      const cutoff = h.clock.now() + 1;
      assert.equal(await h.server.store.events.deleteReceivedBefore(p.id, cutoff, 2), 2);
      assert.equal(await h.server.store.events.deleteReceivedBefore(p.id, cutoff, 2), 2);
      assert.equal(await h.server.store.events.deleteReceivedBefore(p.id, cutoff, 2), 1);
      assert.equal(await eventCount(p), 0);
    });
  });
}
