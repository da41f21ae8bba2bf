// On every database: the hourly retention job deletes cron check-ins older than the project's
// retention (setting retentionDays, else the server default), but keeps each monitor
// environment's latest check-in, and deletes incidents resolved before the cutoff while open
// ones stay. Another project's longer retention keeps its check-ins.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, post, testDialects } from '../../testing/index.js';
import { drain, newProject, type PipelineHarness, startPipelineHarness, type TestProject } from '../pipeline.test-support.js';

explainSkippedPostgres();

const day = 86_400_000;
const config = { schedule: { type: 'interval', value: 1, unit: 'day' }, failure_issue_threshold: 1, recovery_threshold: 1, checkin_margin: 30 };

for (const dialect of testDialects()) {
  describe(`retention of check-ins and incidents (${dialect})`, () => {
    let h: PipelineHarness;
    let short: TestProject;
    let long: TestProject;
    before(async () => {
      h = await startPipelineHarness(dialect);
      short = await newProject(h, { retentionDays: 30 });
      long = await newProject(h);
    });
    after(async () => h.close());

    let n = 0;
    const checkIn = async (p: TestProject, slug: string, status: string, environment = 'production') => {
      n++;
      const body = `{}\n{"type":"check_in"}\n${JSON.stringify({ check_in_id: n.toString(16).padStart(32, '0'), monitor_slug: slug, status, environment, monitor_config: config })}`;
      const res = await post(h.server, body, { projectId: p.id, query: `?sentry_key=${p.key}` });
      assert.equal(res.status, 200);
      await drain(h);
    };
    const org = async () => (await h.server.store.organizations.bySlug(h.server.workspace.org))?.id as number;
    const statuses = async (slug: string) => {
      const monitor = await h.server.store.monitors.get(await org(), slug);
      assert.ok(monitor, slug);
      const runs = await h.server.store.monitorCheckIns.list({ monitorId: monitor.id, limit: 50 });
      return runs.map((c) => `${c.environment} ${c.status} day ${Math.round((c.dateCreated - start) / day)}`);
    };
    const start = Date.UTC(2026, 10, 21, 15, 0, 0);

    it('deletes check-ins past retention except each environment’s latest, and resolved incidents', async () => {
      // Day 0, 1, 2 (each day's check-ins a minute apart).
      await checkIn(short, 'daily', 'ok');
      await checkIn(short, 'daily', 'ok', 'staging');
      await checkIn(short, 'flaky', 'error'); // opens an incident
      await checkIn(short, 'broken', 'error'); // opens one that never resolves
      await checkIn(long, 'elsewhere', 'ok');
      h.clock.advance(day);
      await checkIn(short, 'daily', 'ok');
      await checkIn(short, 'flaky', 'ok'); // resolves it
      await checkIn(long, 'elsewhere', 'ok');
      h.clock.advance(day);
      await checkIn(short, 'daily', 'ok');
      const flaky = await h.server.store.monitors.get(await org(), 'flaky');
      const broken = await h.server.store.monitors.get(await org(), 'broken');
      assert.ok(flaky && broken);
      assert.equal((await h.server.store.monitorCheckIns.incidents(flaky.id, 5)).length, 1);

      // Day 32 (and an hour): the 30-day cutoff lies after every check-in of the short project.
      h.clock.set(start + 32 * day + 3_600_000);
      const run = await h.server.app.jobs.retention.runOnce();
      assert.equal(run.checkIns, 3, 'daily production day 0 and 1, flaky day 0');
      assert.deepEqual(await statuses('daily'), ['production ok day 2', 'staging ok day 0']);
      assert.deepEqual(await statuses('flaky'), ['production ok day 1']);
      assert.deepEqual(await statuses('broken'), ['production error day 0']);
      assert.deepEqual(await statuses('elsewhere'), ['production ok day 1', 'production ok day 0'], 'the other project keeps 90 days');
      assert.deepEqual(await h.server.store.monitorCheckIns.incidents(flaky.id, 5), [], 'the resolved incident went');
      const open = await h.server.store.monitorCheckIns.incidents(broken.id, 5);
      assert.equal(open.length, 1, 'the open incident stays');
      assert.equal(open[0]?.resolvingAt, null);
      assert.equal((await h.server.app.jobs.retention.runOnce()).checkIns, 0, 'a second run finds nothing more');
    });
  });
}
