// On every database: a Slow DB Query issue opens only once the same slow query was seen in 100
// events within 24 hours (Sentry product docs, "Slow DB Queries"); after that every occurrence
// is an event of it. Occurrences further apart than that start counting over.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, testDialects } from '../../testing/index.js';
import { drain, issuesOf, newProject, type PipelineHarness, sendEvent, startPipelineHarness, type TestProject } from '../pipeline.test-support.js';

explainSkippedPostgres();

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const hourMs = 3_600_000;

for (const dialect of testDialects()) {
  describe(`slow DB query issues wait for 100 events in 24 h (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(() => h.close());

    /** A request whose one SELECT takes 600 ms (the detector's threshold is 500 ms). */
    const slowRequest = (p: TestProject, route: string) => {
      const traceId = hex(16);
      const root = hex(8);
      const end = h.clock.now() / 1000;
      return sendEvent(
        h,
        p,
        {
          type: 'transaction',
          transaction: route,
          platform: 'node',
          start_timestamp: end - 1,
          timestamp: end,
          contexts: { trace: { trace_id: traceId, span_id: root, op: 'http.server', status: 'ok' } },
          spans: [
            {
              span_id: hex(8),
              parent_span_id: root,
              trace_id: traceId,
              op: 'db',
              description: `SELECT * FROM reports WHERE owner_id = ${Math.floor(Math.random() * 1000)}`,
              start_timestamp: end - 0.8,
              timestamp: end - 0.2,
            },
          ],
        },
        { itemType: 'transaction' },
      );
    };
    const slowIssues = async (p: TestProject) => (await issuesOf(h, p)).filter((i) => i.title === 'Slow DB Query');
    const sendMany = async (p: TestProject, route: string, n: number) => {
      for (let i = 0; i < n; i++) await slowRequest(p, route);
      await drain(h);
    };

    it('counts 99 occurrences without an issue; the 100th opens it and later ones join it, in the same batch too', async () => {
      const p = await newProject(h);
      await sendMany(p, 'GET /reports', 99);
      assert.deepEqual(await slowIssues(p), []);
      const counted = await h.server.store.db.selectFrom('perf_problem_counts').selectAll().where('project_id', '=', p.id).execute();
      assert.deepEqual(
        counted.map((r) => Number(r.count)),
        [99],
      );
      await sendMany(p, 'GET /reports', 2);
      const [issue, ...more] = await slowIssues(p);
      assert.ok(issue);
      assert.deepEqual(more, []);
      assert.equal(Number(issue.times_seen), 2);
      assert.equal(await h.server.store.db.selectFrom('perf_problem_counts').selectAll().where('project_id', '=', p.id).executeTakeFirst(), undefined);
      await sendMany(p, 'GET /reports', 1);
      assert.equal(Number((await slowIssues(p))[0]?.times_seen), 3);
    });

    it('starts over when the first counted occurrence is more than 24 h old', async () => {
      const p = await newProject(h);
      await sendMany(p, 'GET /exports', 60);
      h.clock.advance(25 * hourMs);
      await sendMany(p, 'GET /exports', 60);
      assert.deepEqual(await slowIssues(p), [], '60 + 60 a day apart are not 100 within 24 h');
      await sendMany(p, 'GET /exports', 40);
      assert.equal((await slowIssues(p)).length, 1);
    });

    it("counts per project: another project's occurrences do not add up", async () => {
      const a = await newProject(h);
      const b = await newProject(h);
      await sendMany(a, 'GET /shared', 50);
      await sendMany(b, 'GET /shared', 50);
      assert.deepEqual([...(await slowIssues(a)), ...(await slowIssues(b))], []);
    });
  });
}
