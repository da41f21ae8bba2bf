// Replay retention on both dialects: replays untouched for the period (30 days by default,
// FAULTLINE_REPLAY_RETENTION_DAYS, or the project's replayRetentionDays) go with their
// segments and error links; newer ones and other projects' stay. The sweep is registered with
// the one scheduler.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSilentLogger } from '../kernel/index.js';
import { drain, newProject, type PipelineHarness, startPipelineHarness } from '../process/pipeline.test-support.js';
import { newEventId, replaySegment } from '../process/replays/replay-envelopes.test-support.js';
import { apiFetch, explainSkippedPostgres, post, testDialects } from '../testing/index.js';
import { createReplayRetention, parseReplayRetentionDays } from './replay-retention.js';

explainSkippedPostgres();

const DAY = 86_400_000;

for (const dialect of testDialects()) {
  describe(`replay retention (${dialect})`, () => {
    let h: PipelineHarness;
    before(async () => {
      h = await startPipelineHarness(dialect);
    });
    after(async () => h.close());

    it('deletes replays untouched for the period, per project, with their segments, links and views', async () => {
      const byDefault = await newProject(h);
      const shortLived = await newProject(h, { replayRetentionDays: 2 });
      const send = async (project: { id: number; key: string }, replayId: string, errorIds: string[] = []) => {
        const res = await post(h.server, replaySegment({ replayId, segmentId: 0, event: { error_ids: errorIds } }), {
          projectId: project.id,
          query: `?sentry_key=${project.key}`,
        });
        assert.equal(res.status, 200);
      };
      const old = newEventId();
      const kept = newEventId();
      const shortOld = newEventId();
      await send(byDefault, old, [newEventId()]);
      await send(shortLived, shortOld);
      await drain(h);
      const admin = await h.server.store.users.byEmail(h.server.workspace.admin.email);
      assert.ok(admin);
      await h.server.store.replays.markViewed(byDefault.id, old, admin.id, h.clock.now());
      h.clock.advance(3 * DAY);
      await send(byDefault, kept);
      await drain(h);
      await h.server.store.replays.markViewed(byDefault.id, kept, admin.id, h.clock.now());
      const retention = createReplayRetention({ store: h.server.store, clock: h.clock, logger: createSilentLogger(), defaultDays: 30 });
      assert.equal(await retention.runOnce(), 1, 'the project keeping replays 2 days loses its 3-day-old one');
      assert.equal(await h.server.store.replays.get(h.server.store.db, shortLived.id, shortOld), undefined);
      assert.ok(await h.server.store.replays.get(h.server.store.db, byDefault.id, old));
      h.clock.advance(28 * DAY);
      assert.equal(await retention.runOnce(), 1, '31 days: the default period has passed for the first replay only');
      assert.equal(await h.server.store.replays.get(h.server.store.db, byDefault.id, old), undefined);
      assert.ok(await h.server.store.replays.get(h.server.store.db, byDefault.id, kept));
      const segments = await h.server.store.db
        .selectFrom('replay_segments')
        .select('replay_id')
        .where('project_id', 'in', [byDefault.id, shortLived.id])
        .execute();
      assert.deepEqual(
        segments.map((s) => s.replay_id),
        [kept],
      );
      const links = await h.server.store.db.selectFrom('replay_errors').select('replay_id').where('project_id', '=', byDefault.id).execute();
      assert.deepEqual(links, []);
      assert.deepEqual([...(await h.server.store.replays.viewedBy(admin.id, [byDefault.id]))], [`${byDefault.id}:${kept}`], 'views go with their replay');
    });

    it('the sweep is on the scheduler; the project setting is saved through the project API and validated like retentionDays', async () => {
      const tasks = await h.server.store.db.selectFrom('scheduled_tasks').select('name').execute();
      assert.ok(
        tasks.some((t) => t.name === 'replays.retention'),
        JSON.stringify(tasks),
      );
      const path = `/api/0/projects/${h.server.workspace.org}/${h.server.workspace.project}/`;
      const put = (body: unknown) => apiFetch<Record<string, unknown>>(h.server.url, path, { method: 'PUT', as: { token: h.server.workspace.token }, body });
      const saved = await put({ replayRetentionDays: 7 });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.replayRetentionDays, 7);
      assert.equal((await h.server.store.projects.byId(h.server.workspace.projectId))?.settings.replayRetentionDays, 7);
      assert.equal((await put({ replayRetentionDays: 0 })).status, 400);
      assert.equal((await put({ replayRetentionDays: null })).body.replayRetentionDays, null);
      assert.deepEqual(parseReplayRetentionDays(undefined), { ok: true, days: null });
      assert.deepEqual(parseReplayRetentionDays(7), { ok: true, days: 7 });
      assert.equal(parseReplayRetentionDays(0).ok, false);
      assert.equal(parseReplayRetentionDays('30').ok, false);
    });
  });
}
