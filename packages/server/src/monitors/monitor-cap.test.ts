import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, post, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { MONITOR_CAP_PER_PROJECT } from './monitor-cap.js';
import { parseMonitorConfig } from './monitor-config.js';

explainSkippedPostgres();

// Issue #17: a cap per project stops runaway upserts — an SDK that builds its monitor slug
// from a job id would otherwise create a monitor per run.
for (const dialect of testDialects()) {
  describe(`the monitor cap per project (${dialect})`, () => {
    let server: TestServer;
    let pid: number;

    before(async () => {
      server = await startTestServer({ dialect });
      pid = server.workspace.projectId;
      const project = await server.store.projects.byId(pid);
      assert.ok(project);
      const parsed = parseMonitorConfig({ schedule: '0 * * * *', schedule_type: 'crontab' });
      assert.ok(parsed.ok);
      await server.store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < MONITOR_CAP_PER_PROJECT; i++)
          await server.store.monitors.create({ orgId: project.orgId, projectId: pid, slug: `job-${i}`, name: `job ${i}`, config: parsed.config }, trx);
      });
    });
    after(() => server.close());

    it('a check-in that would create one more monitor is refused with an outcome; existing monitors still take check-ins', async () => {
      const checkIn = (slug: string, config: boolean) =>
        `{}\n{"type":"check_in"}\n${JSON.stringify({
          check_in_id: crypto.randomUUID().replaceAll('-', ''),
          monitor_slug: slug,
          status: 'ok',
          ...(config ? { monitor_config: { schedule: { type: 'crontab', value: '0 * * * *' } } } : {}),
        })}`;
      assert.equal((await post(server, checkIn('job-run-8841', true))).status, 200);
      assert.equal((await post(server, checkIn('job-7', false))).status, 200);
      await server.app.jobs.queue.flush();
      await server.app.jobs.worker.drain();
      assert.equal(await server.store.monitors.countInProject(pid), MONITOR_CAP_PER_PROJECT);
      const project = await server.store.projects.byId(pid);
      assert.equal(await server.store.monitors.get(project?.orgId ?? 0, 'job-run-8841'), undefined);
      const refused = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: ['invalid'],
        reasons: ['monitor_limit'],
      });
      assert.equal(
        refused.reduce((n, r) => n + r.quantity, 0),
        1,
      );
      const accepted = await server.store.outcomes.query({
        projectIds: [pid],
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
        outcomes: ['accepted'],
        categories: ['monitor'],
      });
      assert.equal(
        accepted.reduce((n, r) => n + r.quantity, 0),
        1,
        'the check-in of an existing monitor counts',
      );
    });

    it('the API refuses to create one more with a 400 and a detail', async () => {
      const res = await fetch(`${server.url}/api/0/organizations/${server.workspace.org}/monitors/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'one too many', project: String(pid), config: { schedule_type: 'crontab', schedule: '0 * * * *' } }),
      });
      const body = (await res.json()) as { detail?: string };
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(String(body.detail), new RegExp(`${MONITOR_CAP_PER_PROJECT} monitors`));
    });
  });
}
